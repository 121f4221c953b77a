package dev.ferry.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project for {@link CliFuzzTest}: a command line and files. Written as a short script so the
 * seeds stay small and readable while standing for megabytes of input:
 * <pre>
 * convert                          (the command: config, convert, lint [--fix], chart, explain [--html] [--width N])
 * === compose.yaml                 (a file: compose.yaml, .ferry.yaml, .env or vars.env)
 * services: ...{{1000|text}}...    ({{N|text}}: text N times; %i in it is 1..N, %p is i-1)
 * </pre>
 */
record HostileProject(List<String> command, Map<String, String> files) {
  static final Set<String> FILES = Set.of("compose.yaml", ".ferry.yaml", ".env", "vars.env");
  static final List<String> COMMANDS = List.of("config", "convert", "lint", "lint --fix", "chart", "explain",
      "explain --html", "explain --width 2147483647");
  /** Generated files stop growing here (a little over the loader's file-size limit). */
  static final int MAX_FILE_CHARS = 9 << 20;

  static HostileProject parse(String script) {
    String[] lines = script.split("\n", -1);
    List<String> cmd = command(lines.length > 0 ? lines[0] : "");
    Map<String, String> files = new LinkedHashMap<>();
    String current = null;
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("=== ") && FILES.contains(lines[i].substring(4).trim())) {
        if (current != null) files.put(current, expand(b.toString()));
        current = lines[i].substring(4).trim();
        b.setLength(0);
      } else if (current != null) {
        b.append(lines[i]).append('\n');
      }
    }
    if (current != null) files.put(current, expand(b.toString()));
    return new HostileProject(cmd, files);
  }

  /** The command words of a script's first line, keeping only known commands and options. */
  private static List<String> command(String line) {
    String[] w = line.trim().split("\\s+");
    List<String> out = new ArrayList<>();
    out.add(Set.of("config", "convert", "lint", "chart", "explain").contains(w[0]) ? w[0] : "config");
    for (int i = 1; i < w.length; i++) {
      switch (w[i]) {
        case "--fix", "--html", "--strict" -> out.add(w[i]);
        case "--width" -> {
          if (i + 1 < w.length && w[i + 1].matches("-?\\d{1,10}")) {
            out.add(w[i]);
            out.add(w[++i]);
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** Expands {{N|text}} (N up to what keeps the result under MAX_FILE_CHARS). */
  static String expand(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("{{", i);
      int bar = open < 0 ? -1 : s.indexOf('|', open);
      int close = bar < 0 ? -1 : s.indexOf("}}", bar + 2); // text is at least one character: {{9|}}} repeats "}"
      if (open < 0 || bar < 0 || close < 0 || !s.substring(open + 2, bar).matches("\\d{1,8}")) {
        out.append(s, i, s.length());
        break;
      }
      out.append(s, i, open);
      int n = Integer.parseInt(s.substring(open + 2, bar));
      String text = s.substring(bar + 1, close);
      boolean numbered = text.contains("%i") || text.contains("%p");
      for (int k = 1; k <= n && out.length() < MAX_FILE_CHARS; k++) {
        out.append(numbered ? text.replace("%i", Integer.toString(k)).replace("%p", Integer.toString(k - 1)) : text);
      }
      i = close + 2;
    }
    return out.length() > MAX_FILE_CHARS ? out.substring(0, MAX_FILE_CHARS) : out.toString();
  }

  /** A project from the fuzzer's choices: the constructs that made ferry hang, crash or blow up. */
  static HostileProject generate(FuzzedDataProvider d) {
    List<String> cmd = command(d.pickValue(COMMANDS));
    if (cmd.get(0).equals("explain") && d.consumeBoolean()) {
      cmd.add("--width");
      cmd.add(Integer.toString(d.consumeInt(-5, Integer.MAX_VALUE)));
    }
    StringBuilder y = new StringBuilder("x-a0: &a0 {k: v}\n");
    int anchors = 1;
    int pieces = d.consumeInt(0, 12);
    for (int n = 0; n < pieces; n++) {
      String k = "x-" + n + ": ";
      switch (d.consumeInt(0, 7)) {
        case 0 -> y.append(k).append("&a").append(anchors++).append(" {<<: *a").append(d.consumeInt(0, anchors))
            .append(", k").append(n).append(": v}\n");
        case 1 -> y.append(k).append("&a").append(anchors++).append(" [")
            .append(String.join(",", java.util.Collections.nCopies(d.consumeInt(1, 60), "*a" + d.consumeInt(0, anchors - 1))))
            .append("]\n");
        case 2 -> y.append(k).append('"').append("x".repeat(d.consumeInt(0, 3_000_000))).append("\"\n");
        case 3 -> {
          int depth = d.consumeInt(0, 400);
          y.append(k).append(d.consumeBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth)).append('\n');
        }
        case 4 -> {
          y.append(k).append('\n');
          int depth = d.consumeInt(0, 300);
          for (int i = 1; i <= depth; i++) y.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        case 5 -> y.append(k).append(d.pickValue(List.of("!reset", "!override", "!!str", "!custom", "!%A", "!!python/object"))).append(" v\n");
        case 6 -> y.append(k).append(d.consumeString(40)).append('\n');
        default -> y.append(k).append("{k: 1, k: 2}\n");
      }
    }
    y.append("services:\n  web:\n    image: nginx:1.27\n    ports: [\"").append(range(d)).append(':').append(range(d))
        .append("\"]\n    expose: [\"").append(range(d)).append("\"]\n    environment:\n");
    int env = d.consumeInt(0, 5_000); // the seeds hold the 100,000-entry case
    for (int i = 0; i < env; i++) y.append("      K").append(i).append(": \"0x").append(Integer.toHexString(i)).append("\"\n");
    y.append("      A: \"").append("${B}".repeat(d.consumeInt(0, 5000))).append("\"\n");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("compose.yaml", y.toString());
    files.put(".env", "B=" + "y".repeat(d.consumeInt(0, 100_000)) + "\n");
    if (d.consumeBoolean()) {
      int depth = d.consumeInt(0, 400);
      files.put(".ferry.yaml", "ignore: [\"" + d.consumeString(10).replace("\"", "") + "\"]\nrules: "
          + "[".repeat(depth) + "]".repeat(depth) + "\n");
    }
    return new HostileProject(cmd, files);
  }

  private static String range(FuzzedDataProvider d) {
    int a = d.consumeInt(0, 70_000);
    return d.consumeBoolean() ? Integer.toString(a) : a + "-" + d.consumeInt(0, 70_000);
  }

  /** Writes the files into {@code dir}; returns the command line that runs on them. */
  List<String> write(Path dir) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    if (!files.containsKey("compose.yaml")) Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    List<String> args = new ArrayList<>(command);
    boolean html = args.remove("--html");
    args.addAll(List.of("-f", dir.resolve("compose.yaml").toString()));
    if (html) args.addAll(List.of("--html", dir.resolve("report.html").toString()));
    if (args.get(0).equals("chart")) args.addAll(List.of("-o", dir.resolve("chart").toString(), "--force"));
    if (args.get(0).equals("lint") && files.containsKey(".ferry.yaml")) {
      args.addAll(List.of("--config", dir.resolve(".ferry.yaml").toString()));
    }
    return args;
  }
}
