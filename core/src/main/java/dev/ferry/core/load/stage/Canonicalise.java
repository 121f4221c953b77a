package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.Position;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Stage: short syntax to canonical long syntax, in one place. Synthesised nodes take the position
 * of the short form they came from. Runs on the merged, tag-free, schema-checked document.
 */
public final class Canonicalise {
  private final Function<String, String> lookup;
  private final Diagnostics diags;
  private final PortSyntax.Budget ports = new PortSyntax.Budget();

  private Canonicalise(Function<String, String> lookup, Diagnostics diags) {
    this.lookup = lookup;
    this.diags = diags;
  }

  public static MapNode apply(MapNode doc, Function<String, String> lookup, Diagnostics diags) {
    return new Canonicalise(lookup, diags).project(doc);
  }

  private MapNode project(MapNode doc) {
    MapNode out = doc;
    if (doc.getMap("services") != null) out = out.with("services", services(doc.getMap("services")));
    for (String top : List.of("networks", "volumes", "secrets", "configs")) {
      MapNode m = doc.getMap(top);
      if (m != null) out = out.with(top, m.mapValues((e, v) -> v.isNull() ? MapNode.empty(v.position()) : v));
    }
    return out;
  }

  /**
   * The services in batches on every core, each batch with its own port budget. The budget is one
   * for the project: when the batches together take more than it holds, the services are done
   * again one after the other, so the entry that crosses it is the one a run in order meets.
   */
  private MapNode services(MapNode services) {
    Diagnostics found = new Diagnostics();
    Queue<Canonicalise> batches = new ConcurrentLinkedQueue<>();
    MapNode out = null;
    RuntimeException failure = null;
    try {
      out = ServiceBatches.mapValues(services, found, d -> {
        Canonicalise c = new Canonicalise(lookup, d);
        batches.add(c);
        return (e, v) -> v instanceof MapNode m ? c.service(m) : v;
      });
    } catch (RuntimeException e) {
      failure = e;
    }
    long spent = 0;
    for (Canonicalise c : batches) spent += c.ports.spent();
    if (!ports.covers(spent)) {
      return services.mapValues((e, v) -> v instanceof MapNode m ? service(m) : v);
    }
    diags.addAll(found.all());
    if (failure != null) throw failure;
    return out;
  }

  private MapNode service(MapNode s) {
    MapNode out = s;
    for (MapNode.Entry e : s.entries()) {
      Node v = e.value();
      Node n = switch (e.key()) {
        case "build" -> v instanceof ScalarNode sc ? map(sc.position(), "context", sc) : buildMap(v);
        case "command", "entrypoint" -> command(v);
        case "environment" -> envMap(v, true);
        case "labels", "annotations", "sysctls" -> envMap(v, false);
        case "env_file" -> envFiles(v);
        case "ports" -> PortSyntax.canonical(v, diags, ports);
        case "expose" -> stringList(v);
        case "volumes" -> Volumes.canonical(v, diags);
        case "tmpfs", "dns", "dns_search", "dns_opt", "profiles", "cap_add", "cap_drop", "security_opt" -> listOf(v);
        case "healthcheck" -> healthcheck(v);
        case "depends_on" -> dependsOn(v);
        case "networks" -> networks(v);
        case "secrets", "configs" -> fileRefs(v);
        case "extra_hosts" -> extraHosts(v);
        case "ulimits" -> ulimits(v);
        case "deploy" -> deploy(v);
        default -> v;
      };
      if (n != v) out = out.with(e.key(), e.keyPosition(), n);
    }
    return out;
  }

  private static MapNode map(Position p, Object... kv) {
    List<MapNode.Entry> es = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      Node n = (Node) kv[i + 1];
      es.add(new MapNode.Entry((String) kv[i], p, n));
    }
    return MapNode.of(es, p);
  }

  private Node buildMap(Node v) {
    if (v instanceof MapNode m && m.get("args") != null) return m.with("args", envMap(m.get("args"), true));
    return v;
  }

  private Node command(Node v) {
    if (v instanceof ScalarNode sc && sc.kind() == ScalarNode.Kind.STRING) {
      ShellWords.Result r = ShellWords.split(sc.text());
      if (r.error() != null) diags.error("schema", sc.position(), "command cannot be split: " + r.error());
      List<Node> items = new ArrayList<>();
      for (String w : r.words()) items.add(ScalarNode.string(w, sc.position()));
      return SeqNode.of(items, sc.position());
    }
    if (v instanceof SeqNode s) return stringList(s);
    return v;
  }

  /** List {@code K=V} or map to a map of strings; {@code K} alone takes the value from the environment when {@code resolve}. */
  private Node envMap(Node v, boolean resolve) {
    if (v instanceof SeqNode s) {
      List<MapNode.Entry> es = new ArrayList<>();
      for (Node item : s.items()) {
        if (!(item instanceof ScalarNode sc)) continue;
        String t = sc.asString();
        int eq = t.indexOf('=');
        String key = eq >= 0 ? t.substring(0, eq) : t;
        Node val = eq >= 0 ? ScalarNode.string(t.substring(eq + 1), sc.position()) : fromEnv(key, sc.position(), resolve);
        es.add(new MapNode.Entry(key, sc.position(), val));
      }
      return MapNode.of(es, s.position());
    }
    if (v instanceof MapNode m) {
      return m.mapValues((e, val) -> {
        if (val.isNull()) return fromEnv(e.key(), val.position(), resolve);
        if (val instanceof ScalarNode sc && !sc.isString()) return ScalarNode.string(sc.asString(), sc.position());
        return val;
      });
    }
    return v;
  }

  private Node fromEnv(String key, Position p, boolean resolve) {
    String val = resolve ? lookup.apply(key) : null;
    if (val != null) return ScalarNode.string(val, p);
    return resolve ? ScalarNode.ofNull(p) : ScalarNode.string("", p);
  }

  private Node envFiles(Node v) {
    List<Node> items = new ArrayList<>();
    for (Node item : listOf(v) instanceof SeqNode s ? s.items() : List.<Node>of()) {
      if (item instanceof ScalarNode sc) {
        items.add(map(sc.position(), "path", ScalarNode.string(sc.asString(), sc.position()),
            "required", ScalarNode.ofBool(true, sc.position())));
      } else if (item instanceof MapNode m) {
        items.add(m.has("required") ? m : m.with("required", ScalarNode.ofBool(true, m.position())));
      }
    }
    return v instanceof SeqNode s ? s.withItems(items) : SeqNode.of(items, v.position());
  }

  private static Node listOf(Node v) {
    if (v instanceof ScalarNode sc && !v.isNull()) return SeqNode.of(List.of(ScalarNode.string(sc.asString(), sc.position())), sc.position());
    return v;
  }

  private static Node stringList(Node v) {
    if (!(v instanceof SeqNode s)) return v;
    List<Node> items = new ArrayList<>();
    for (Node i : s.items()) items.add(i instanceof ScalarNode sc && !sc.isString() ? ScalarNode.string(sc.asString(), sc.position()) : i);
    return s.withItems(items);
  }

  private Node healthcheck(Node v) {
    if (!(v instanceof MapNode m)) return v;
    Node t = m.get("test");
    if (t instanceof ScalarNode sc && !t.isNull()) {
      String text = sc.asString();
      List<Node> items = new ArrayList<>();
      if (text.equals("NONE")) {
        items.add(ScalarNode.string("NONE", sc.position()));
      } else {
        items.add(ScalarNode.string("CMD-SHELL", sc.position()));
        items.add(ScalarNode.string(text, sc.position()));
      }
      return m.with("test", SeqNode.of(items, sc.position()));
    }
    return m;
  }

  private Node dependsOn(Node v) {
    if (v instanceof SeqNode s) {
      List<MapNode.Entry> es = new ArrayList<>();
      for (Node item : s.items()) {
        if (item instanceof ScalarNode sc) {
          Position p = sc.position();
          es.add(new MapNode.Entry(sc.asString(), p, map(p,
              "condition", ScalarNode.string("service_started", p),
              "required", ScalarNode.ofBool(true, p))));
        }
      }
      return MapNode.of(es, s.position());
    }
    if (v instanceof MapNode m) {
      return m.mapValues((e, val) -> {
        MapNode d = val instanceof MapNode dm ? dm : MapNode.empty(e.keyPosition());
        if (!d.has("condition")) d = d.with("condition", ScalarNode.string("service_started", e.keyPosition()));
        if (!d.has("required")) d = d.with("required", ScalarNode.ofBool(true, e.keyPosition()));
        return d;
      });
    }
    return v;
  }

  private Node networks(Node v) {
    if (v instanceof SeqNode s) {
      List<MapNode.Entry> es = new ArrayList<>();
      for (Node item : s.items()) {
        if (item instanceof ScalarNode sc) es.add(new MapNode.Entry(sc.asString(), sc.position(), MapNode.empty(sc.position())));
      }
      return MapNode.of(es, s.position());
    }
    if (v instanceof MapNode m) return m.mapValues((e, val) -> val.isNull() ? MapNode.empty(e.keyPosition()) : val);
    return v;
  }

  private Node fileRefs(Node v) {
    if (!(v instanceof SeqNode s)) return v;
    List<Node> items = new ArrayList<>();
    for (Node item : s.items()) {
      items.add(item instanceof ScalarNode sc ? map(sc.position(), "source", ScalarNode.string(sc.asString(), sc.position())) : item);
    }
    return s.withItems(items);
  }

  /** {@code ["host:ip", "host=ip"]} or a map to a map host -> list of addresses. */
  private Node extraHosts(Node v) {
    List<MapNode.Entry> es = new ArrayList<>();
    if (v instanceof SeqNode s) {
      for (Node item : s.items()) {
        if (!(item instanceof ScalarNode sc)) continue;
        String t = sc.asString();
        int i = t.indexOf('=');
        if (i < 0) i = t.indexOf(':');
        if (i < 0) continue;
        addHost(es, t.substring(0, i), t.substring(i + 1), sc.position());
      }
      return MapNode.of(es, s.position());
    }
    if (v instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        if (e.value() instanceof SeqNode s) {
          for (Node ip : s.items()) if (ip instanceof ScalarNode sc) addHost(es, e.key(), sc.asString(), e.keyPosition());
        } else if (e.value() instanceof ScalarNode sc) {
          addHost(es, e.key(), sc.asString(), e.keyPosition());
        }
      }
      return MapNode.of(es, m.position());
    }
    return v;
  }

  private static void addHost(List<MapNode.Entry> es, String host, String ip, Position p) {
    String addr = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    for (int i = 0; i < es.size(); i++) {
      if (es.get(i).key().equals(host)) {
        es.set(i, es.get(i).withValue(((SeqNode) es.get(i).value()).append(ScalarNode.string(addr, p))));
        return;
      }
    }
    es.add(new MapNode.Entry(host, p, SeqNode.of(List.of(ScalarNode.string(addr, p)), p)));
  }

  private Node ulimits(Node v) {
    if (!(v instanceof MapNode m)) return v;
    return m.mapValues((e, val) -> val instanceof ScalarNode sc && !val.isNull()
        ? map(sc.position(), "soft", sc, "hard", sc) : val);
  }

  private Node deploy(Node v) {
    if (!(v instanceof MapNode m)) return v;
    return m.get("labels") != null ? m.with("labels", envMap(m.get("labels"), false)) : m;
  }
}
