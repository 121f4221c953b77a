package dev.ferry.core.load;

import dev.ferry.core.load.stage.Volumes;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites relative paths of a service or project read from another directory (an extended or
 * included file) so they stay relative to the project directory: build contexts, bind-mount
 * sources, env files, secret and config files.
 */
final class Rebase {
  private Rebase() {}

  static String path(String p, Path from, Path to) {
    if (p == null || p.isEmpty() || p.startsWith("/") || p.startsWith("~") || p.contains("://")) return p;
    Path abs = from.resolve(p).normalize();
    String rel = to.relativize(abs).toString();
    if (rel.isEmpty()) return ".";
    return rel.startsWith("..") ? rel : "./" + rel;
  }

  static MapNode project(MapNode doc, Path from, Path to) {
    if (from.equals(to)) return doc;
    MapNode out = doc;
    if (doc.getMap("services") != null) {
      out = out.with("services", doc.getMap("services").mapValues((e, v) -> v instanceof MapNode s ? service(s, from, to) : v));
    }
    for (String top : List.of("secrets", "configs")) {
      MapNode m = out.getMap(top);
      if (m == null) continue;
      out = out.with(top, m.mapValues((e, v) -> v instanceof MapNode d && d.getScalar("file") != null
          ? d.with("file", str(d.getScalar("file"), path(d.getString("file"), from, to))) : v));
    }
    return out;
  }

  static MapNode service(MapNode s, Path from, Path to) {
    MapNode out = s;
    Node build = s.get("build");
    if (build instanceof ScalarNode sc && !sc.isNull()) {
      out = out.with("build", str(sc, path(sc.asString(), from, to)));
    } else if (build instanceof MapNode b && b.getScalar("context") != null) {
      out = out.with("build", b.with("context", str(b.getScalar("context"), path(b.getString("context"), from, to))));
    }
    if (s.get("volumes") instanceof SeqNode vols) {
      List<Node> items = new ArrayList<>();
      for (Node v : vols.items()) items.add(volume(v, from, to));
      out = out.with("volumes", vols.withItems(items));
    }
    Node ef = s.get("env_file");
    if (ef instanceof ScalarNode sc && !sc.isNull()) {
      out = out.with("env_file", str(sc, path(sc.asString(), from, to)));
    } else if (ef instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>();
      for (Node v : seq.items()) {
        if (v instanceof ScalarNode sc) items.add(str(sc, path(sc.asString(), from, to)));
        else if (v instanceof MapNode m && m.getScalar("path") != null) items.add(m.with("path", str(m.getScalar("path"), path(m.getString("path"), from, to))));
        else items.add(v);
      }
      out = out.with("env_file", seq.withItems(items));
    }
    Node lf = s.get("label_file");
    if (lf instanceof ScalarNode sc && !sc.isNull()) {
      out = out.with("label_file", str(sc, path(sc.asString(), from, to)));
    } else if (lf instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>();
      for (Node v : seq.items()) items.add(v instanceof ScalarNode sc && !sc.isNull() ? str(sc, path(sc.asString(), from, to)) : v);
      out = out.with("label_file", seq.withItems(items));
    }
    return out;
  }

  private static Node volume(Node v, Path from, Path to) {
    if (v instanceof ScalarNode sc && !sc.isNull()) {
      String t = sc.asString();
      int colon = t.indexOf(':');
      if (colon > 0 && Volumes.isPath(t.substring(0, colon))) {
        return str(sc, path(t.substring(0, colon), from, to) + t.substring(colon));
      }
      return v;
    }
    if (v instanceof MapNode m && "bind".equals(m.getString("type")) && m.getScalar("source") != null) {
      return m.with("source", str(m.getScalar("source"), path(m.getString("source"), from, to)));
    }
    return v;
  }

  private static ScalarNode str(ScalarNode orig, String text) {
    return new ScalarNode(text, ScalarNode.Kind.STRING, orig.quoted(), orig.position(), orig.tag());
  }
}
