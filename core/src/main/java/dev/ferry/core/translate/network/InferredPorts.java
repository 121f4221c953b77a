package dev.ferry.core.translate.network;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.HostReferences;
import dev.ferry.core.knowledge.WellKnownPorts;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.TranslationContext;
import java.util.List;
import java.util.Map;

/**
 * Service ports nobody declared: those a service without ports is reached on ({@code host:port}
 * references in the dependents' environment, else its image's well-known port), and those the
 * dependents use that a service with ports does not declare. Each is an {@code unreachable-service}
 * finding, and so is a service that stays unreachable.
 */
final class InferredPorts {
  private InferredPorts() {}

  static void infer(TranslationContext ctx, Service s, List<Service> members,
      Map<String, List<HostReferences.Ref>> refs, Map<String, PortSpec> out, boolean reached) {
    for (Service m : members) {
      for (HostReferences.Ref r : refs.getOrDefault(m.name(), List.of())) {
        if (r.port() <= 0) continue;
        String why = "inferred from " + r.path().toString() + " (" + r.host() + ":" + r.port() + ")";
        if (ServicePorts.add(ctx, s, out, r.port(), r.port(), "TCP", null, r.path(), why)) {
          ctx.report("unreachable-service", Severity.INFO, s.path(), s.name(),
              "service \"" + s.name() + "\" declares no ports but is reached by name; Service port " + r.port()
                  + " " + why + ": declare it with expose to make it explicit", expose(r.port()));
        }
      }
    }
    if (!out.isEmpty()) return;
    int wk = WellKnownPorts.ofImage(s.identity().image());
    if (wk > 0) {
      ModelPath at = s.has("image") ? s.path("image") : s.path();
      ServicePorts.add(ctx, s, out, wk, wk, "TCP", null, at, "the default port of image " + s.identity().image().shortName());
      ctx.report("unreachable-service", Severity.INFO, s.path(), s.name(),
          "service \"" + s.name() + "\" declares no ports" + (reached ? " but is reached by name" : "")
              + "; Service port " + wk + " inferred from its image (" + s.identity().image().shortName()
              + "): declare it with expose to make it explicit", expose(wk));
      return;
    }
    ctx.report("unreachable-service", Severity.INFO, s.path(), s.name(),
        "service \"" + s.name() + "\" " + (reached ? "is reached by name but " : "") + "declares no ports and none"
            + " could be inferred: its Service is headless (clusterIP: None, no ports), so the name resolves to the"
            + " Pod's address and every port the container listens on is reachable, as on compose",
        "Declare the port the service listens on with expose (container-only, no host port), e.g. expose: [\"8080\"],"
            + " for a ClusterIP Service with a stable virtual IP.");
  }

  /**
   * Ports other services use ({@code broker:29092}) that a service with declared ports does not
   * declare: compose reaches every port the container listens on, so the Service offers them too.
   */
  static void referenced(TranslationContext ctx, Service s, List<Service> members,
      Map<String, List<HostReferences.Ref>> refs, Map<String, PortSpec> out) {
    for (Service m : members) {
      for (HostReferences.Ref r : refs.getOrDefault(m.name(), List.of())) {
        if (r.port() <= 0 || out.containsKey(r.port() + "/TCP")) continue;
        String why = "used in " + r.path().toString() + " (" + r.host() + ":" + r.port() + ")";
        if (ServicePorts.add(ctx, s, out, r.port(), r.port(), "TCP", null, r.path(), why)) {
          ctx.report("unreachable-service", Severity.INFO, r.path(), s.name(),
              "service \"" + s.name() + "\" does not declare port " + r.port() + " but is reached on it (" + r.host() + ":"
                  + r.port() + "): its Service offers that port too; declare it with expose to make it explicit",
              expose(r.port()));
        }
      }
    }
  }

  /** The remediation naming the port ferry inferred. */
  static String expose(int port) {
    return "Declare the port the service listens on: expose: [\"" + port + "\"] (container-only, no host port).";
  }
}
