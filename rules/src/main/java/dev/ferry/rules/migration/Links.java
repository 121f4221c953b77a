package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * Each {@code links} item: Service DNS replaces links; an alias ({@code db:database}) is a second
 * name that needs a Service of its own. Reported at the item.
 */
@RuleInfo(
    id = "links",
    summary = "links are legacy: Kubernetes Service DNS replaces them and their aliases are lost.",
    remediation = "Remove links; reach services by service name (add depends_on for start order), and replace an"
        + " alias by using the service name or a network alias.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class Links implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (int i = 0; i < s.networking().links().size(); i++) {
        String link = s.networking().links().get(i);
        int colon = link.indexOf(':');
        String target = colon >= 0 ? link.substring(0, colon) : link;
        String alias = colon >= 0 ? link.substring(colon + 1) : null;
        String msg = "service \"" + s.name() + "\" links to \"" + target + "\": on Kubernetes every service is reached"
            + " through its Service DNS name, so the link is dropped";
        if (alias != null && !alias.equals(target)) {
          msg += "; the alias \"" + alias + "\" does not resolve unless an extra Service of that name is created";
        }
        ctx.report(s.path("links").index(i), s.name(), msg);
      }
    }
  }
}
