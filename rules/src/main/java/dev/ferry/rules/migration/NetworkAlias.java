package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.ServiceNetwork;
import dev.ferry.core.translate.network.Naming;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * Each network alias: on Kubernetes a name is a Service, so an alias needs an extra Service
 * selecting the same pods, and it is visible in the whole namespace, not just on one network.
 */
@RuleInfo(
    id = "network-alias",
    summary = "A network alias needs an extra Kubernetes Service, visible namespace-wide.",
    remediation = "Prefer the service name; keep an alias only where clients cannot be changed.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class NetworkAlias implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (ServiceNetwork n : s.networks().values()) {
        for (int i = 0; i < n.aliases().size(); i++) {
          String alias = n.aliases().get(i);
          if (alias.equals(s.name())) continue;
          String msg = "service \"" + s.name() + "\" has the alias \"" + alias + "\" on network \"" + n.name()
              + "\": on Kubernetes an alias is an extra Service selecting the same pods, visible to the whole"
              + " namespace rather than one network";
          if (!Naming.isLabel(alias)) msg += "; \"" + alias + "\" is not a valid Service name";
          out.report(s.path("networks").key(n.name()).key("aliases").index(i), s.name(), msg);
        }
      }
    }
    out.flush();
  }
}
