package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Typed casts after interpolation, by path (compose-go's table): a string where compose expects an
 * integer, number or boolean becomes one when it parses as one. What does not parse is left as a
 * string, for the schema check to report at its position ({@code retries: 10s}).
 */
public final class Casts {
  private Casts() {}

  private enum To { INT, FLOAT, BOOL, MODE }

  private static final Map<String, To> TABLE = Map.ofEntries(
      Map.entry("services.*.configs.[].mode", To.MODE),
      Map.entry("services.*.secrets.[].mode", To.MODE),
      Map.entry("services.*.cpu_count", To.INT),
      Map.entry("services.*.cpu_percent", To.FLOAT),
      Map.entry("services.*.cpu_period", To.INT),
      Map.entry("services.*.cpu_quota", To.INT),
      Map.entry("services.*.cpu_rt_period", To.INT),
      Map.entry("services.*.cpu_rt_runtime", To.INT),
      Map.entry("services.*.cpus", To.FLOAT),
      Map.entry("services.*.cpu_shares", To.INT),
      Map.entry("services.*.init", To.BOOL),
      Map.entry("services.*.deploy.replicas", To.INT),
      Map.entry("services.*.deploy.update_config.parallelism", To.INT),
      Map.entry("services.*.deploy.update_config.max_failure_ratio", To.FLOAT),
      Map.entry("services.*.deploy.rollback_config.parallelism", To.INT),
      Map.entry("services.*.deploy.rollback_config.max_failure_ratio", To.FLOAT),
      Map.entry("services.*.deploy.restart_policy.max_attempts", To.INT),
      Map.entry("services.*.deploy.placement.max_replicas_per_node", To.INT),
      Map.entry("services.*.deploy.resources.limits.pids", To.INT),
      Map.entry("services.*.deploy.resources.limits.cpus", To.FLOAT),
      Map.entry("services.*.deploy.resources.reservations.cpus", To.FLOAT),
      Map.entry("services.*.healthcheck.retries", To.INT),
      Map.entry("services.*.healthcheck.disable", To.BOOL),
      Map.entry("services.*.oom_kill_disable", To.BOOL),
      Map.entry("services.*.oom_score_adj", To.INT),
      Map.entry("services.*.pids_limit", To.INT),
      Map.entry("services.*.ports.[].target", To.INT),
      Map.entry("services.*.privileged", To.BOOL),
      Map.entry("services.*.read_only", To.BOOL),
      Map.entry("services.*.scale", To.INT),
      Map.entry("services.*.stdin_open", To.BOOL),
      Map.entry("services.*.tty", To.BOOL),
      Map.entry("services.*.ulimits.*", To.INT),
      Map.entry("services.*.ulimits.*.hard", To.INT),
      Map.entry("services.*.ulimits.*.soft", To.INT),
      Map.entry("services.*.volumes.[].read_only", To.BOOL),
      Map.entry("services.*.volumes.[].volume.nocopy", To.BOOL),
      Map.entry("services.*.depends_on.*.required", To.BOOL),
      Map.entry("services.*.depends_on.*.restart", To.BOOL),
      Map.entry("services.*.env_file.[].required", To.BOOL),
      Map.entry("networks.*.external", To.BOOL),
      Map.entry("networks.*.internal", To.BOOL),
      Map.entry("networks.*.attachable", To.BOOL),
      Map.entry("networks.*.enable_ipv6", To.BOOL),
      Map.entry("networks.*.enable_ipv4", To.BOOL),
      Map.entry("volumes.*.external", To.BOOL),
      Map.entry("secrets.*.external", To.BOOL),
      Map.entry("configs.*.external", To.BOOL));

  private static final List<Map.Entry<String, To>> ENTRIES = List.copyOf(TABLE.entrySet());
  private static final String[][] SPLIT = ENTRIES.stream().map(e -> e.getKey().split("\\.")).toArray(String[][]::new);
  /** Indexes into {@link #SPLIT} by the pattern's last segment, ascending; patterns ending in a wildcard in each. */
  private static final Map<String, int[]> BY_LAST = byLast();
  private static final int[] WILD_LAST = candidates(null);

  private static Map<String, int[]> byLast() {
    Map<String, int[]> m = new HashMap<>();
    for (String[] p : SPLIT) {
      String last = p[p.length - 1];
      if (!isWild(last)) m.put(last, candidates(last));
    }
    return Map.copyOf(m);
  }

  private static int[] candidates(String last) {
    return IntStream.range(0, SPLIT.length).filter(i -> {
      String l = SPLIT[i][SPLIT[i].length - 1];
      return isWild(l) || l.equals(last);
    }).toArray();
  }

  private static boolean isWild(String part) {
    return part.equals("*") || part.equals("[]");
  }

  public static MapNode apply(MapNode doc, Diagnostics diags) {
    return apply(doc, diags, UnaryOperator.identity());
  }

  /**
   * The casts, each scalar first passed through {@code first} (interpolation: one walk of the file
   * for both stages, the casts seeing the interpolated values as they did after a separate walk).
   */
  public static MapNode apply(MapNode doc, Diagnostics diags, UnaryOperator<ScalarNode> first) {
    return (MapNode) walk(doc, new Segments(), diags, first);
  }

  /**
   * {@link #apply} with interpolation, the services of a large file in batches on every core: each
   * batch with interpolation of its own ({@link Interpolate.Scalars#fork}) and diagnostics of its
   * own, put together in service order; when a bound on interpolation was reached, the services
   * are walked again in order, so what is reported is what a walk in order reports.
   */
  public static MapNode apply(MapNode doc, Diagnostics diags, Interpolate.Scalars first) {
    Segments path = new Segments();
    return doc.mapValues((e, value) -> {
      if (e.key().equals("services") && value instanceof MapNode services && services.size() >= 2 * BATCH) {
        MapNode done = inBatches(services, diags, first);
        if (done != null) return done;
      }
      return entry(e, value, path, diags, first);
    });
  }

  /** Services per batch of {@link #apply(MapNode, Diagnostics, Interpolate.Scalars)}. */
  private static final int BATCH = 128;

  private record Batch(Node[] values, Diagnostics diags, Interpolate.Scalars scalars) {}

  private static MapNode inBatches(MapNode services, Diagnostics diags, Interpolate.Scalars first) {
    List<MapNode.Entry> entries = services.entryList();
    int n = entries.size();
    List<Batch> batches = IntStream.range(0, (n + BATCH - 1) / BATCH).parallel().mapToObj(b -> {
      Diagnostics own = new Diagnostics();
      Interpolate.Scalars scalars = first.fork(own);
      Segments path = new Segments();
      path.push("services");
      Node[] values = new Node[Math.min(n, (b + 1) * BATCH) - b * BATCH];
      for (int i = 0; i < values.length; i++) {
        MapNode.Entry e = entries.get(b * BATCH + i);
        values[i] = entry(e, e.value(), path, own, scalars);
      }
      return new Batch(values, own, scalars);
    }).toList();
    if (!first.join(batches.stream().map(Batch::scalars).toList())) return null;
    Node[] all = new Node[n];
    int at = 0;
    for (Batch b : batches) {
      diags.addAll(b.diags().all());
      System.arraycopy(b.values(), 0, all, at, b.values().length);
      at += b.values().length;
    }
    int[] next = {0};
    return services.mapValues((e, v) -> all[next[0]++]);
  }

  /**
   * The path being walked, as a reusable stack of segments: a {@link ModelPath} is made only for a
   * message, not for each of the hundreds of thousands of nodes of a large file.
   */
  private static final class Segments {
    private Object[] segs = new Object[16];
    private int size;

    void push(Object seg) {
      if (size == segs.length) segs = Arrays.copyOf(segs, size * 2);
      segs[size++] = seg;
    }

    void pop() {
      segs[--size] = null;
    }

    Object get(int i) {
      return segs[i];
    }

    /** {@link ModelPath#matches(String[])} on this path. */
    boolean matches(String[] parts) {
      if (parts.length != size) return false;
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals("*")) continue;
        Object s = segs[i];
        if (parts[i].equals("[]")) {
          if (!(s instanceof Integer)) return false;
          continue;
        }
        if (!parts[i].equals(String.valueOf(s))) return false;
      }
      return true;
    }

    /** The index into {@link #SPLIT} of the first pattern this path matches, or -1. */
    int match() {
      if (size < 2) return -1;
      int[] cands = BY_LAST.getOrDefault(String.valueOf(segs[size - 1]), WILD_LAST);
      for (int i : cands) if (matches(SPLIT[i])) return i;
      return -1;
    }

    ModelPath toPath() {
      ModelPath p = ModelPath.ROOT;
      for (int i = 0; i < size; i++) p = segs[i] instanceof Integer n ? p.index(n) : p.key((String) segs[i]);
      return p;
    }
  }

  /** A mapping entry's value walked: null when it is dropped (blank where a typed value goes). */
  private static Node entry(MapNode.Entry e, Node value, Segments path, Diagnostics diags,
      UnaryOperator<ScalarNode> first) {
    Node v = value instanceof ScalarNode sc ? first.apply(sc) : value;
    path.push(e.key());
    try {
      if (v instanceof ScalarNode sc && sc.kind() == ScalarNode.Kind.STRING && sc.text().isBlank() && path.match() >= 0) {
        diags.warning("undefined-variable", sc.position(), path.toPath()
            + " is empty (an unset variable?); it is treated as not set");
        return null;
      }
      return walk(v, path, diags, first);
    } finally {
      path.pop();
    }
  }

  private static Node walk(Node n, Segments path, Diagnostics diags, UnaryOperator<ScalarNode> first) {
    if (n instanceof MapNode m) {
      return m.mapValues((e, value) -> entry(e, value, path, diags, first));
    }
    if (n instanceof SeqNode s) {
      int[] i = {0};
      return s.mapItems(item -> {
        path.push(i[0]++);
        try {
          return walk(item instanceof ScalarNode sc ? first.apply(sc) : item, path, diags, first);
        } finally {
          path.pop();
        }
      });
    }
    ScalarNode sc = (ScalarNode) n;
    if (sc.kind() != ScalarNode.Kind.STRING && sc.kind() != ScalarNode.Kind.NULL && path.size == 5 && path.matches(MODE_PATH)
        && ("configs".equals(path.get(2)) || "secrets".equals(path.get(2)))) return mode(sc, path.toPath(), diags);
    if (sc.kind() != ScalarNode.Kind.STRING) return sc;
    int i = path.match();
    if (i < 0) return sc;
    To to = ENTRIES.get(i).getValue();
    if (to == To.MODE) return mode(sc, path.toPath(), diags);
    ScalarNode r = cast(sc, to);
    if (r == sc) {
      String what = switch (to) {
        case INT -> "an integer";
        case FLOAT -> "a number";
        case BOOL -> "a boolean";
        case MODE -> "a file mode";
      };
      String code = path.size > 3 && "healthcheck".equals(path.get(2)) ? "healthcheck-invalid" : "schema";
      diags.error(code, sc.position(), path.toPath() + " must be " + what + ", got \"" + sc.text() + "\"");
    }
    return r;
  }

  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,11}");
  private static final Pattern OCTAL_0O = Pattern.compile("0o[0-7]{1,11}");
  private static final Pattern OCTAL_0 = Pattern.compile("0[0-7]{1,11}");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,8}");
  private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,9}|0");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final List<String> TRUE = List.of("y", "yes", "true", "on");
  private static final List<String> FALSE = List.of("n", "no", "false", "off");

  private static final String[] MODE_PATH = "services.*.*.[].mode".split("\\.");

  /**
   * A file mode as compose reads it: a plain number with a leading 0 or 0o is octal ({@code 0440},
   * {@code 0o440}), other plain numbers are decimal ({@code 288}), and a quoted string is octal
   * digits ({@code "0440"}, {@code "440"}). The result is the decimal value, which every reader
   * (docker compose included) reads back the same; anything else is an error at its position.
   */
  private static ScalarNode mode(ScalarNode sc, ModelPath path, Diagnostics diags) {
    String t = sc.text().trim();
    Long v = null;
    try {
      if (sc.kind() == ScalarNode.Kind.STRING) {
        if (OCTAL.matcher(t).matches()) v = Long.parseLong(t, 8);
      } else if (sc.kind() != ScalarNode.Kind.INT) {
        v = null;
      } else if (OCTAL_0O.matcher(t).matches()) {
        v = Long.parseLong(t.substring(2), 8);
      } else if (OCTAL_0.matcher(t).matches()) {
        v = Long.parseLong(t, 8);
      } else if (HEX.matcher(t).matches()) {
        v = Long.parseLong(t.substring(2), 16);
      } else if (DECIMAL.matcher(t).matches()) {
        v = Long.parseLong(t);
      }
    } catch (NumberFormatException e) {
      v = null;
    }
    if (v == null) {
      diags.error("schema", sc.position(), path + " must be a file mode (octal like 0440, 0o440 or \"0440\", or a"
          + " decimal number like 288), got " + (sc.quoted() ? "\"" + sc.text() + "\"" : sc.text()));
      return sc;
    }
    return new ScalarNode(Long.toString(v), ScalarNode.Kind.INT, false, sc.position(), null);
  }

  private static ScalarNode cast(ScalarNode sc, To to) {
    String t = sc.text().trim();
    switch (to) {
      case INT -> {
        if (INT.matcher(t).matches()) return new ScalarNode(t.startsWith("+") ? t.substring(1) : t, ScalarNode.Kind.INT, sc.quoted(), sc.position(), sc.tag());
      }
      case FLOAT -> {
        if (FLOAT.matcher(t).matches()) {
          return new ScalarNode(t, ScalarNode.Kind.FLOAT, sc.quoted(), sc.position(), sc.tag());
        }
      }
      case BOOL -> {
        String l = t.toLowerCase(Locale.ROOT);
        if (TRUE.contains(l)) return new ScalarNode("true", ScalarNode.Kind.BOOL, sc.quoted(), sc.position(), sc.tag());
        if (FALSE.contains(l)) return new ScalarNode("false", ScalarNode.Kind.BOOL, sc.quoted(), sc.position(), sc.tag());
      }
    }
    return sc;
  }
}
