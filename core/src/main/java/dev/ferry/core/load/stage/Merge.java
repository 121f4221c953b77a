package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compose's merge of {@code -f} files and of {@code extends}, on the node tree, with compose-go's
 * path-keyed strategies: mappings merge recursively, scalars replace, most sequences append with
 * unicity by a key (ports by host_ip:published:target/protocol, volumes and devices by target,
 * secrets and configs by target, env-like lists by variable name), command/entrypoint/healthcheck
 * test replace. {@code !reset} removes a key, {@code !override} replaces without merging. The
 * winning node keeps its position. Never throws on type mismatches: the override wins.
 */
public final class Merge {
  private Merge() {}

  private enum Strategy { REPLACE, KEY_VALUE, DEPENDS_ON, PORTS, BY_TARGET, SECRETS, CONFIGS, UNIQUE, ENV_FILE, NETWORKS, LOGGING, BUILD }

  private static final Map<String, Strategy> TABLE = Map.ofEntries(
      Map.entry("services.*.command", Strategy.REPLACE),
      Map.entry("services.*.entrypoint", Strategy.REPLACE),
      Map.entry("services.*.healthcheck.test", Strategy.REPLACE),
      Map.entry("services.*.environment", Strategy.KEY_VALUE),
      Map.entry("services.*.labels", Strategy.KEY_VALUE),
      Map.entry("services.*.annotations", Strategy.KEY_VALUE),
      Map.entry("services.*.sysctls", Strategy.KEY_VALUE),
      Map.entry("services.*.extra_hosts", Strategy.KEY_VALUE),
      Map.entry("services.*.build.args", Strategy.KEY_VALUE),
      Map.entry("services.*.build.labels", Strategy.KEY_VALUE),
      Map.entry("services.*.build.extra_hosts", Strategy.KEY_VALUE),
      Map.entry("services.*.deploy.labels", Strategy.KEY_VALUE),
      Map.entry("services.*.depends_on", Strategy.DEPENDS_ON),
      Map.entry("services.*.ports", Strategy.PORTS),
      Map.entry("services.*.volumes", Strategy.BY_TARGET),
      Map.entry("services.*.devices", Strategy.BY_TARGET),
      Map.entry("services.*.secrets", Strategy.SECRETS),
      Map.entry("services.*.configs", Strategy.CONFIGS),
      Map.entry("services.*.expose", Strategy.UNIQUE),
      Map.entry("services.*.cap_add", Strategy.UNIQUE),
      Map.entry("services.*.cap_drop", Strategy.UNIQUE),
      Map.entry("services.*.profiles", Strategy.UNIQUE),
      Map.entry("services.*.dns", Strategy.UNIQUE),
      Map.entry("services.*.dns_search", Strategy.UNIQUE),
      Map.entry("services.*.dns_opt", Strategy.UNIQUE),
      Map.entry("services.*.tmpfs", Strategy.UNIQUE),
      Map.entry("services.*.security_opt", Strategy.UNIQUE),
      Map.entry("services.*.links", Strategy.UNIQUE),
      Map.entry("services.*.external_links", Strategy.UNIQUE),
      Map.entry("services.*.group_add", Strategy.UNIQUE),
      Map.entry("services.*.env_file", Strategy.ENV_FILE),
      Map.entry("services.*.networks", Strategy.NETWORKS),
      Map.entry("services.*.logging", Strategy.LOGGING),
      Map.entry("services.*.build", Strategy.BUILD));

  public static MapNode mergeProjects(MapNode base, MapNode override) {
    return (MapNode) merge(base, override, "");
  }

  public static MapNode mergeService(MapNode base, MapNode override) {
    Node r = merge(base, override, "services.*");
    return r instanceof MapNode m ? m : override;
  }

  /** Applies leftover tags on a single document: {@code !reset} removes the key; {@code !override} just keeps the value. */
  public static MapNode stripTags(MapNode doc) {
    // strip(doc), with the services in batches on every core
    MapNode r = doc.mapValues((e, v) -> "!reset".equals(v.tag()) ? null
        : e.key().equals("services") && v instanceof MapNode s ? stripServices(s) : strip(v));
    return r.tag() == null ? r : r.withTag(null);
  }

  private static MapNode stripServices(MapNode services) {
    MapNode r = ServiceBatches.mapValues(services, new Diagnostics(),
        d -> (e, v) -> "!reset".equals(v.tag()) ? null : strip(v));
    return r.tag() == null ? r : r.withTag(null);
  }

  private static Node strip(Node n) {
    if (n instanceof MapNode m) {
      MapNode r = m.mapValues((e, v) -> "!reset".equals(v.tag()) ? null : strip(v));
      return r.tag() == null ? r : r.withTag(null);
    }
    if (n instanceof SeqNode s) {
      SeqNode r = s.mapItems(i -> "!reset".equals(i.tag()) ? null : strip(i));
      return r.tag() == null ? r : r.withTag(null);
    }
    return n.tag() == null ? n : n.withTag(null);
  }

  private static String child(String path, String key) {
    if (path.isEmpty()) return key;
    if (path.equals("services") || path.equals("networks") || path.equals("volumes")
        || path.equals("secrets") || path.equals("configs")) return path + ".*";
    return path + "." + key;
  }

  static Node merge(Node base, Node over, String path) {
    if (over == null) return base;
    if (base == null) return over;
    if ("!override".equals(over.tag())) return over.withTag(null);
    Strategy st = TABLE.get(path);
    if (st != null) {
      Node r = special(st, base, over, path);
      if (r != null) return r;
    }
    if (base instanceof MapNode bm && over instanceof MapNode om) return mergeMaps(bm, om, path);
    if (base instanceof SeqNode bs && over instanceof SeqNode os) {
      List<Node> items = new ArrayList<>(bs.items());
      items.addAll(os.items());
      return os.withItems(items);
    }
    return over;
  }

  private static MapNode mergeMaps(MapNode base, MapNode over, String path) {
    List<MapNode.Entry> out = new ArrayList<>();
    for (MapNode.Entry e : base.entries()) {
      MapNode.Entry o = over.entry(e.key());
      if (o == null) {
        out.add(e);
      } else if ("!reset".equals(o.value().tag())) {
        continue;
      } else {
        out.add(new MapNode.Entry(e.key(), o.keyPosition(), merge(e.value(), o.value(), child(path, e.key()))));
      }
    }
    for (MapNode.Entry o : over.entries()) {
      if (base.has(o.key()) || "!reset".equals(o.value().tag())) continue;
      out.add(o.value().tag() != null ? o.withValue(strip(o.value())) : o);
    }
    return base.withEntries(out);
  }

  private static Node special(Strategy st, Node base, Node over, String path) {
    return switch (st) {
      case REPLACE -> over;
      case KEY_VALUE -> mergeMaps(keyValues(base, path.endsWith("extra_hosts")), keyValues(over, path.endsWith("extra_hosts")), path);
      case DEPENDS_ON -> mergeMaps(dependsOn(base), dependsOn(over), path);
      case NETWORKS -> mergeMaps(networks(base), networks(over), path);
      case BUILD -> mergeMaps(build(base), build(over), path);
      case LOGGING -> logging(base, over, path);
      case PORTS -> byKey(base, over, Merge::portKey);
      case BY_TARGET -> byKey(base, over, Merge::targetKey);
      case SECRETS -> byKey(base, over, n -> fileRefKey(n, "/run/secrets/"));
      case CONFIGS -> byKey(base, over, n -> fileRefKey(n, "/"));
      case UNIQUE -> byKey(base, over, n -> n instanceof ScalarNode s ? s.asString() : null);
      case ENV_FILE -> byKey(asList(base), asList(over), n -> n instanceof ScalarNode s ? s.asString()
          : n instanceof MapNode m ? m.getString("path") : null);
    };
  }

  private static Node asList(Node n) {
    return n instanceof ScalarNode s && !s.isNull() ? SeqNode.of(List.of(s), s.position()) : n;
  }

  /** Appends override items to base items, an override item replacing a base item with the same key. */
  private static Node byKey(Node base, Node over, Function<Node, String> key) {
    if (!(base instanceof SeqNode bs) || !(over instanceof SeqNode os)) return null;
    LinkedHashMap<String, Node> keyed = new LinkedHashMap<>();
    List<Node> unkeyed = new ArrayList<>();
    int anon = 0;
    for (Node n : bs.items()) {
      String k = key.apply(n);
      if (k == null) keyed.put("\0" + anon++, n);
      else keyed.put(k, n);
    }
    for (Node n : os.items()) {
      if ("!reset".equals(n.tag())) continue;
      String k = key.apply(n);
      if (k == null) unkeyed.add(n);
      else if (keyed.containsKey(k)) keyed.put(k, n);
      else keyed.put(k, n);
    }
    List<Node> items = new ArrayList<>(keyed.values());
    items.addAll(unkeyed);
    return os.withItems(items);
  }

  /** {@code ["K=V", "K"]} or a mapping to a mapping (K alone maps to null). */
  static MapNode keyValues(Node n, boolean hosts) {
    if (n instanceof MapNode m) return m;
    List<MapNode.Entry> es = new ArrayList<>();
    if (n instanceof SeqNode s) {
      for (Node i : s.items()) {
        if (!(i instanceof ScalarNode sc)) continue;
        String t = sc.asString();
        int eq = t.indexOf('=');
        if (eq < 0 && hosts) eq = t.indexOf(':');
        String k = eq >= 0 ? t.substring(0, eq) : t;
        Node v = eq >= 0 ? ScalarNode.string(t.substring(eq + 1), sc.position()) : ScalarNode.ofNull(sc.position());
        es.add(new MapNode.Entry(k, sc.position(), v));
      }
      return MapNode.of(es, s.position());
    }
    return MapNode.empty(n.position());
  }

  private static MapNode dependsOn(Node n) {
    if (n instanceof MapNode m) return m;
    List<MapNode.Entry> es = new ArrayList<>();
    if (n instanceof SeqNode s) {
      for (Node i : s.items()) {
        if (!(i instanceof ScalarNode sc)) continue;
        Position p = sc.position();
        MapNode cond = MapNode.of(List.of(
            new MapNode.Entry("condition", p, ScalarNode.string("service_started", p)),
            new MapNode.Entry("required", p, ScalarNode.ofBool(true, p))), p);
        es.add(new MapNode.Entry(sc.asString(), p, cond));
      }
      return MapNode.of(es, s.position());
    }
    return MapNode.empty(n.position());
  }

  private static MapNode networks(Node n) {
    if (n instanceof MapNode m) return m;
    List<MapNode.Entry> es = new ArrayList<>();
    if (n instanceof SeqNode s) {
      for (Node i : s.items()) {
        if (i instanceof ScalarNode sc) es.add(new MapNode.Entry(sc.asString(), sc.position(), ScalarNode.ofNull(sc.position())));
      }
      return MapNode.of(es, s.position());
    }
    return MapNode.empty(n.position());
  }

  private static MapNode build(Node n) {
    if (n instanceof MapNode m) return m;
    if (n instanceof ScalarNode s && !s.isNull()) {
      return MapNode.of(List.of(new MapNode.Entry("context", s.position(), s)), s.position());
    }
    return MapNode.empty(n.position());
  }

  private static Node logging(Node base, Node over, String path) {
    if (base instanceof MapNode b && over instanceof MapNode o) {
      String bd = b.getString("driver");
      String od = o.getString("driver");
      if (bd != null && od != null && !bd.equals(od)) return o;
      return mergeMaps(b, o, path);
    }
    return null;
  }

  /** host_ip:published:target/protocol, for short and long syntax alike. */
  static String portKey(Node n) {
    if (n instanceof MapNode m) {
      String proto = m.getString("protocol");
      return nz(m.getString("host_ip")) + ":" + nz(m.getString("published")) + ":" + nz(m.getString("target"))
          + "/" + (proto == null ? "tcp" : proto);
    }
    if (n instanceof ScalarNode s && !s.isNull()) {
      try {
        PortSyntax.Spec spec = PortSyntax.spec(s.asString());
        return spec.count() == 1 ? portKey(spec.expand(s.position()).get(0)) : s.asString();
      } catch (IllegalArgumentException e) {
        return s.asString();
      }
    }
    return null;
  }

  private static String targetKey(Node n) {
    if (n instanceof MapNode m) return m.getString("target");
    if (n instanceof ScalarNode s && !s.isNull()) {
      String[] parts = s.asString().split(":");
      return parts.length >= 2 ? parts[1] : parts[0];
    }
    return null;
  }

  private static String fileRefKey(Node n, String dir) {
    if (n instanceof ScalarNode s && !s.isNull()) return dir + s.asString();
    if (n instanceof MapNode m) {
      String t = m.getString("target");
      if (t != null) return t.startsWith("/") ? t : dir + t;
      String src = m.getString("source");
      return src == null ? null : dir + src;
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
