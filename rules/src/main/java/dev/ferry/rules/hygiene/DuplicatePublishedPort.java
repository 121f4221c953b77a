package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Two published ports that overlap on the same host address and protocol (ranges included; a
 * container-only port publishes nothing). dclint's {@code no-duplicate-exported-ports}.
 */
@RuleInfo(
    id = "duplicate-published-port",
    summary = "Two services (or two entries) publish the same host port; the second cannot bind it.",
    remediation = "Publish each host port once, or bind them to different host addresses.",
    severity = Severity.ERROR,
    category = Category.HYGIENE)
public final class DuplicatePublishedPort implements Rule {
  private record Bound(String service, int from, int to, String ip, String protocol) {}

  @Override
  public void check(RuleContext ctx) {
    List<Bound> seen = new ArrayList<>();
    for (Service s : ctx.services()) {
      for (PortMapping p : s.ports()) {
        if (!p.isPublished() || p.published().contains("$")) continue;
        int[] r = range(p.published());
        if (r == null) continue;
        Bound b = new Bound(s.name(), r[0], r[1], ip(p.hostIp()), p.protocolOrTcp());
        for (Bound o : seen) {
          if (!o.protocol().equals(b.protocol()) || b.from() > o.to() || o.from() > b.to()) continue;
          if (!o.ip().equals(b.ip()) && !o.ip().isEmpty() && !b.ip().isEmpty()) continue;
          String where = o.service().equals(s.name()) ? "another entry of this service" : "service \"" + o.service() + "\"";
          ctx.report(p.path(), s.name(), "host port " + p.published() + "/" + b.protocol()
              + " is already published by " + where);
          break;
        }
        seen.add(b);
      }
    }
  }

  /** "" for all interfaces. */
  private static String ip(String hostIp) {
    if (hostIp == null || hostIp.equals("0.0.0.0") || hostIp.equals("::") || hostIp.equals("[::]")) return "";
    return hostIp;
  }

  static int[] range(String published) {
    try {
      int dash = published.indexOf('-');
      if (dash < 0) {
        int v = Integer.parseInt(published.trim());
        return new int[] {v, v};
      }
      return new int[] {Integer.parseInt(published.substring(0, dash).trim()), Integer.parseInt(published.substring(dash + 1).trim())};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
