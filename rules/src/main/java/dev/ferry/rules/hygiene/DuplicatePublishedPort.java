package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Protocol;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Two published ports that overlap on the same host address and protocol (ranges included; a
 * container-only port publishes nothing). dclint's {@code no-duplicate-exported-ports}.
 *
 * <p>Each entry is compared with the earliest earlier entry it collides with. Single ports (what
 * a short-syntax range like {@code "1-65535:1-65535"} expands to) are looked up by port number,
 * so a project with tens of thousands of port entries is checked in linear time; only entries that
 * still publish a range of host ports are compared pairwise.
 */
@RuleInfo(
    id = "duplicate-published-port",
    summary = "Two services (or two entries) publish the same host port; the second cannot bind it.",
    remediation = "Publish each host port once, or bind them to different host addresses.",
    severity = Severity.ERROR,
    category = Category.HYGIENE,
    mergeSharedLines = false)
public final class DuplicatePublishedPort implements Rule {
  private record Bound(int index, String service, int from, int to, String ip, Protocol protocol) {
    boolean compatible(Bound o) {
      return protocol.equals(o.protocol) && (ip.isEmpty() || o.ip.isEmpty() || ip.equals(o.ip));
    }

    boolean overlaps(Bound o) {
      return from <= o.to && o.from <= to;
    }
  }

  /** The earliest bounds seen at one host port of one protocol. */
  private static final class AtPort {
    Bound any;
    Bound wildcard;
    final Map<String, Bound> byIp = new HashMap<>(2);

    void add(Bound b) {
      if (any == null) any = b;
      if (b.ip().isEmpty()) {
        if (wildcard == null) wildcard = b;
      } else {
        byIp.putIfAbsent(b.ip(), b);
      }
    }

    /** The earliest bound here that collides with a bound on {@code ip}. */
    Bound firstFor(String ip) {
      if (ip.isEmpty()) return any;
      return earliest(wildcard, byIp.get(ip));
    }
  }

  @Override
  public void check(RuleContext ctx) {
    Map<Protocol, NavigableMap<Integer, AtPort>> singles = new EnumMap<>(Protocol.class);
    List<Bound> ranges = new ArrayList<>();
    int index = 0;
    for (Service s : ctx.services()) {
      for (PortMapping p : s.networking().ports()) {
        if (!p.isPublished() || p.published().contains("$")) continue;
        int[] r = range(p.published());
        if (r == null) continue;
        Bound b = new Bound(index++, s.name(), r[0], r[1], ip(p.hostIp()), p.transport());
        NavigableMap<Integer, AtPort> ports = singles.computeIfAbsent(b.protocol(), k -> new TreeMap<>());
        Bound hit = null;
        for (Bound o : ranges) {
          if (o.compatible(b) && o.overlaps(b)) {
            hit = o;
            break;
          }
        }
        if (b.from() == b.to()) {
          AtPort at = ports.get(b.from());
          if (at != null) hit = earliest(hit, at.firstFor(b.ip()));
        } else if (b.from() <= b.to()) {
          for (AtPort at : ports.subMap(b.from(), true, b.to(), true).values()) {
            hit = earliest(hit, at.firstFor(b.ip()));
          }
        }
        if (hit != null) {
          String where = hit.service().equals(s.name()) ? "another entry of this service" : "service \"" + hit.service() + "\"";
          ctx.report(p.path(), s.name(), "host port " + p.published() + "/" + b.protocol().compose()
              + " is already published by " + where);
        }
        if (b.from() == b.to()) {
          ports.computeIfAbsent(b.from(), k -> new AtPort()).add(b);
        } else {
          ranges.add(b);
        }
      }
    }
  }

  private static Bound earliest(Bound a, Bound b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.index() <= b.index() ? a : b;
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
