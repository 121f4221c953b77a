package dev.ferry.rules.portability;

import dev.ferry.core.translate.network.HostReferences;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.migration.PerLine;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * An environment value that reaches another service by its {@code container_name} rather than its
 * service name ({@code DB_HOST=my-postgres} where {@code db} has {@code container_name: my-postgres}).
 * Docker's DNS resolves container names; on Kubernetes ferry gives a container name that is a DNS
 * label a Service of its own (like a network alias); one that is not (underscores, dots) stops resolving.
 */
@RuleInfo(
    id = "container-name-reference",
    summary = "A service reaches another by a container_name that cannot be a Kubernetes Service name.",
    remediation = "Use the service name as host name (it resolves in compose too), or rename the service to the"
        + " container name.",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class ContainerNameReference implements Rule {
  private static boolean isAlias(Service t, String name) {
    for (var n : t.networks().values()) for (String a : n.aliases()) if (HostReferences.names(a, name)) return true;
    return false;
  }

  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (HostReferences.Ref r : HostReferences.of(s)) {
        for (Service t : ctx.services()) {
          String cn = t.containerName();
          if (cn == null || cn.isEmpty() || HostReferences.names(cn, t.name()) || !HostReferences.names(r.host(), cn)) {
            continue;
          }
          if (ctx.project().service(r.host()) != null) continue; // also a service name: it resolves
          if (isAlias(t, cn)) continue; // also a network alias: the network-alias rule says what happens
          // a DNS-label container_name gets a Service of its own (an alias, reported as network-alias)
          if (dev.ferry.core.translate.network.Naming.isLabel(cn.toLowerCase(java.util.Locale.ROOT))) continue;
          out.report(r.path(), s.name(), "service \"" + s.name() + "\" reaches \"" + t.name() + "\" by its container"
              + " name \"" + cn + "\" in " + r.key() + ": on Kubernetes only the Service \"" + t.name()
              + "\" exists, so \"" + cn + "\" does not resolve");
          break;
        }
      }
    }
    out.flush();
  }
}
