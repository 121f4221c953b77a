package dev.ferry.rules.migration;

import dev.ferry.core.translate.network.HostReferences;
import dev.ferry.core.translate.network.WellKnownPorts;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service other services reach by name or network alias (a host in their environment values, {@code links}, or
 * {@code depends_on} on a well-known server image) that declares neither {@code ports} nor
 * {@code expose}. Compose needs no port to resolve a name; Kubernetes needs a Service, and a Service
 * needs a port. The port is inferred from a {@code host:port} reference or a well-known image, or
 * reported as unknown. Services sharing another's network ({@code network_mode}) are skipped.
 */
@RuleInfo(
    id = "unreachable-service",
    summary = "A service is reached by name but declares no ports or expose, so it gets no Kubernetes Service.",
    remediation = "Declare the port the service listens on: expose: [\"6379\"] (container-only, no host port).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class UnreachableService implements Rule {
  /**
   * The mapper also reports a service reached by name for which no port could be inferred (so no
   * Service exists); this rule covers only the lines it reported itself.
   */
  @Override
  public boolean covers(Finding fromTranslation, RuleContext ctx, List<Finding> own) {
    return own.stream().anyMatch(f -> f.file().equals(fromTranslation.file()) && f.line() == fromTranslation.line());
  }

  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service t : ctx.services()) {
      if (WellKnownPorts.declaresAny(t) || t.networkMode() != null) continue;
      Map<String, String> from = new LinkedHashMap<>(); // referencing service -> how
      int port = -1;
      String portSource = null;
      boolean byNetwork = false;
      for (Service s : ctx.services()) {
        if (s == t) continue;
        for (HostReferences.Ref r : HostReferences.of(s)) {
          if (!reachesAs(r.host(), t)) continue;
          from.putIfAbsent(s.name(), r.key());
          byNetwork = true;
          if (port < 0 && r.port() > 0) {
            port = r.port();
            portSource = "from " + r.key() + " of \"" + s.name() + "\"";
          }
        }
        for (String link : s.links()) {
          String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
          if (target.equals(t.name())) {
            from.putIfAbsent(s.name(), "links");
            byNetwork = true;
          }
        }
        DependsOn d = s.dependsOn().get(t.name());
        if (d != null && !DependsOn.COMPLETED.equals(d.condition())) from.putIfAbsent(s.name(), "depends_on");
      }
      if (from.isEmpty()) continue;
      int imagePort = WellKnownPorts.ofImage(t.image());
      if (port < 0 && imagePort > 0) {
        port = imagePort;
        portSource = "from its image " + t.image().shortName();
      }
      if (!byNetwork && port < 0) continue; // only ordered after: a worker, not a server
      String inferred = port > 0
          ? "; ferry infers port " + port + " " + portSource + " for its Service"
          : "; no port can be inferred, so it gets no Service and the name does not resolve";
      out.report(t.path(), t.name(), "service \"" + t.name() + "\" is reached by name from " + describe(from)
          + " but declares no ports or expose: on Kubernetes a name resolves only through a Service, which needs a port"
          + inferred);
    }
    out.flush();
  }

  /** The service name or one of its network aliases. */
  private static boolean reachesAs(String host, Service t) {
    if (HostReferences.names(host, t.name())) return true;
    for (var n : t.networks().values()) for (String a : n.aliases()) if (HostReferences.names(host, a)) return true;
    return false;
  }

  /** {@code "a" (REDIS_HOST), "b" (depends_on) and 3 more}. */
  private static String describe(Map<String, String> from) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : from.entrySet()) {
      if (parts.size() == 3) break;
      parts.add("\"" + e.getKey() + "\" (" + e.getValue() + ")");
    }
    String more = from.size() > 3 ? " and " + (from.size() - 3) + " more" : "";
    return String.join(", ", parts) + more;
  }
}
