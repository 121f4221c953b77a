package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Port short syntax ({@code [host_ip:][published[-end]:]target[-end][/protocol]}) to long syntax,
 * as docker's ParsePortSpec does: a container range expands to one entry per port; a host range
 * with a single container port stays one entry with a published range.
 */
public final class PortSyntax {
  /**
   * How many port entries a whole project may still expand to ({@link Limits#PORT_ENTRIES}): one
   * budget for all services of a project, so many services with wide ranges are refused too.
   */
  public static final class Budget {
    private long left = Limits.PORT_ENTRIES.value();
    private boolean reported;

    /** Whether {@code n} more entries can be taken. */
    boolean covers(long n) {
      return n <= left;
    }

    /** Entries taken so far. */
    long spent() {
      return Limits.PORT_ENTRIES.value() - left;
    }
  }

  private PortSyntax() {}

  public static Node canonical(Node v, Diagnostics diags, Budget budget) {
    if (!(v instanceof SeqNode s)) return v;
    List<Node> out = new ArrayList<>();
    for (Node item : s.items()) {
      if (item instanceof MapNode m) {
        if (spend(budget, 1, m.position(), diags)) out.add(longForm(m));
      } else if (item instanceof ScalarNode sc && !sc.isNull()) {
        try {
          Spec spec = spec(sc.asString());
          if (spend(budget, spec.count(), sc.position(), diags)) out.addAll(spec.expand(sc.position()));
        } catch (IllegalArgumentException e) {
          diags.error("schema", sc.position(), "invalid port '" + sc.asString() + "': " + e.getMessage());
        }
      }
    }
    return s.withItems(out);
  }

  /** Takes {@code n} entries from the budget; reports the first entry that crosses it, once. */
  private static boolean spend(Budget budget, int n, Position at, Diagnostics diags) {
    budget.left -= n;
    if (budget.left >= 0) return true;
    if (!budget.reported) {
      budget.reported = true;
      diags.error("yaml-syntax", at, "the project has more than " + Limits.PORT_ENTRIES.value()
          + " port entries once port ranges are expanded " + Limits.PORT_ENTRIES.tag());
    }
    return false;
  }

  private static MapNode longForm(MapNode m) {
    MapNode r = m;
    if (m.get("published") instanceof ScalarNode p && !p.isString() && !p.isNull()) {
      r = r.with("published", ScalarNode.string(p.asString(), p.position()));
    }
    if (!r.has("protocol")) r = r.with("protocol", ScalarNode.string("tcp", m.position()));
    if (!r.has("mode")) r = r.with("mode", ScalarNode.string("ingress", m.position()));
    return r;
  }

  /** Parses one short-syntax port into long-syntax entries; throws IllegalArgumentException with the reason. */
  public static List<MapNode> parse(String spec, Position p) {
    return spec(spec).expand(p);
  }

  /**
   * One short-syntax port, read but not yet expanded: {@code t} the container port range,
   * {@code h} the host port range or null.
   */
  public record Spec(String hostIp, int[] h, int[] t, String protocol) {
    /** How many long-syntax entries it expands to: one per container port. */
    public int count() {
      return t[1] - t[0] + 1;
    }

    public List<MapNode> expand(Position p) {
      int count = count();
      List<MapNode> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        List<MapNode.Entry> es = new ArrayList<>();
        es.add(new MapNode.Entry("mode", p, ScalarNode.string("ingress", p)));
        if (hostIp != null && !hostIp.isEmpty()) es.add(new MapNode.Entry("host_ip", p, ScalarNode.string(hostIp, p)));
        es.add(new MapNode.Entry("target", p, ScalarNode.ofInt(t[0] + i, p)));
        if (h != null) {
          String pub = count > 1 ? Integer.toString(h[0] + i) : (h[0] == h[1] ? Integer.toString(h[0]) : h[0] + "-" + h[1]);
          es.add(new MapNode.Entry("published", p, ScalarNode.string(pub, p)));
        }
        es.add(new MapNode.Entry("protocol", p, ScalarNode.string(protocol, p)));
        out.add(MapNode.of(es, p));
      }
      return out;
    }
  }

  /** Reads one short-syntax port without expanding it; throws IllegalArgumentException with the reason. */
  public static Spec spec(String spec) {
    String s = spec.trim();
    String protocol = "tcp";
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      protocol = s.substring(slash + 1).toLowerCase(Locale.ROOT);
      s = s.substring(0, slash);
      if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
        throw new IllegalArgumentException("unknown protocol '" + protocol + "'");
      }
    }
    String hostIp = null;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) throw new IllegalArgumentException("unterminated IPv6 address");
      hostIp = s.substring(1, end);
      s = s.substring(end + 1);
      if (!s.startsWith(":")) throw new IllegalArgumentException("expected ':' after the host address");
      s = s.substring(1);
    }
    String[] parts = s.split(":", -1);
    String published;
    String target;
    if (parts.length == 1) {
      published = "";
      target = parts[0];
    } else if (parts.length == 2) {
      published = parts[0];
      target = parts[1];
    } else if (parts.length == 3 && hostIp == null) {
      hostIp = parts[0];
      published = parts[1];
      target = parts[2];
    } else {
      throw new IllegalArgumentException("too many colons");
    }
    int[] t = range(target, "container port");
    int[] h = published.isEmpty() ? null : range(published, "host port");
    int count = t[1] - t[0] + 1;
    if (h != null && count > 1 && h[1] - h[0] + 1 != count) {
      throw new IllegalArgumentException("host and container port ranges differ in size");
    }
    return new Spec(hostIp, h, t, protocol);
  }

  private static int[] range(String s, String what) {
    String a = s;
    String b = s;
    int dash = s.indexOf('-');
    if (dash > 0) {
      a = s.substring(0, dash);
      b = s.substring(dash + 1);
    }
    int x = port(a, what);
    int y = port(b, what);
    if (y < x) throw new IllegalArgumentException("invalid " + what + " range '" + s + "'");
    return new int[] {x, y};
  }

  private static int port(String s, String what) {
    try {
      int n = Integer.parseInt(s);
      if (n < 0 || n > 65535) throw new IllegalArgumentException(what + " " + n + " is out of range");
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + what + " '" + s + "'");
    }
  }
}
