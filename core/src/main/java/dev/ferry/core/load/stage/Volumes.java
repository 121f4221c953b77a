package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/** Service volume short syntax ({@code [source:]target[:options]}) to long syntax. */
public final class Volumes {
  private Volumes() {}

  public static Node canonical(Node v, Diagnostics diags) {
    if (!(v instanceof SeqNode s)) return v;
    List<Node> out = new ArrayList<>();
    for (Node item : s.items()) {
      if (item instanceof ScalarNode sc && !sc.isNull()) {
        try {
          out.add(parse(sc.asString(), sc.position(), diags));
        } catch (IllegalArgumentException e) {
          diags.error("schema", sc.position(), "invalid volume '" + sc.asString() + "': " + e.getMessage());
        }
      } else if (item instanceof MapNode m) {
        MapNode r = m;
        if (m.get("source") instanceof ScalarNode src && !m.has("type")) {
          r = r.with("type", ScalarNode.string(isPath(src.asString()) ? "bind" : "volume", m.position()));
        }
        out.add(r);
      } else {
        out.add(item);
      }
    }
    return s.withItems(out);
  }

  /** A source is a host path when it starts with {@code .}, {@code /} or {@code ~} (as compose decides). */
  public static boolean isPath(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
        || (source.length() > 1 && source.charAt(1) == ':' && Character.isLetter(source.charAt(0)));
  }

  public static MapNode parse(String spec, Position p) {
    return parse(spec, p, null);
  }

  /** Parses one short-syntax volume; unknown options are warnings in {@code diags} (when given). */
  public static MapNode parse(String spec, Position p, Diagnostics diags) {
    String[] parts = splitSpec(spec);
    String source = null;
    String target;
    String opts = null;
    switch (parts.length) {
      case 1 -> target = parts[0];
      case 2 -> {
        source = parts[0];
        target = parts[1];
      }
      case 3 -> {
        source = parts[0];
        target = parts[1];
        opts = parts[2];
      }
      default -> throw new IllegalArgumentException("too many colons");
    }
    if (target.isEmpty()) throw new IllegalArgumentException("empty target path");
    if (source != null && source.isEmpty()) {
      if (diags == null) throw new IllegalArgumentException("empty source");
      diags.warning("undefined-variable", p, "volume '" + spec + "' has an empty source (an unset variable?); it is treated as an anonymous volume");
      source = null;
    }
    boolean bind = source != null && isPath(source);
    List<MapNode.Entry> es = new ArrayList<>();
    es.add(new MapNode.Entry("type", p, ScalarNode.string(bind ? "bind" : "volume", p)));
    if (source != null) es.add(new MapNode.Entry("source", p, ScalarNode.string(source, p)));
    es.add(new MapNode.Entry("target", p, ScalarNode.string(target, p)));
    List<MapNode.Entry> bindOpts = new ArrayList<>();
    List<MapNode.Entry> volOpts = new ArrayList<>();
    if (opts != null) {
      for (String o : opts.split(",")) {
        switch (o) {
          case "ro" -> es.add(new MapNode.Entry("read_only", p, ScalarNode.ofBool(true, p)));
          case "rw", "" -> { }
          case "nocopy" -> volOpts.add(new MapNode.Entry("nocopy", p, ScalarNode.ofBool(true, p)));
          case "z", "Z" -> bindOpts.add(new MapNode.Entry("selinux", p, ScalarNode.string(o, p)));
          case "shared", "rshared", "slave", "rslave", "private", "rprivate" ->
              bindOpts.add(new MapNode.Entry("propagation", p, ScalarNode.string(o, p)));
          case "consistent", "cached", "delegated" -> es.add(new MapNode.Entry("consistency", p, ScalarNode.string(o, p)));
          default -> {
            if (diags != null) {
              diags.warning("schema", p, "volume '" + spec + "': unknown option '" + o + "' is ignored (as compose does)");
            }
          }
        }
      }
    }
    if (bind) {
      bindOpts.add(0, new MapNode.Entry("create_host_path", p, ScalarNode.ofBool(true, p)));
      es.add(new MapNode.Entry("bind", p, MapNode.of(bindOpts, p)));
    } else if (!volOpts.isEmpty()) {
      es.add(new MapNode.Entry("volume", p, MapNode.of(volOpts, p)));
    }
    return MapNode.of(es, p);
  }

  /** Splits on ':' but keeps a Windows drive letter ({@code C:\x}) with its path. */
  private static String[] splitSpec(String spec) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < spec.length(); i++) {
      if (spec.charAt(i) == ':') {
        boolean drive = i - start == 1 && Character.isLetter(spec.charAt(start))
            && i + 1 < spec.length() && (spec.charAt(i + 1) == '\\' || spec.charAt(i + 1) == '/');
        if (drive) continue;
        parts.add(spec.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(spec.substring(start));
    return parts.toArray(new String[0]);
  }
}
