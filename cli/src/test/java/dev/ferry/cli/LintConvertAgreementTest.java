package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.DiagnosticRule;
import dev.ferry.rules.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One reporter per finding id: on every conversion case ({@code testdata/convert/<case>/input}) and
 * every lint fixture that loads, the findings {@code ferry lint} shows under an id the translation
 * reports are exactly the ones {@code ferry convert --findings} prints (same id, position, severity
 * and message; lint states a line that several services share once, naming the others after the
 * first service's message). Every id the translation reports is a metadata-only rule
 * ({@link DiagnosticRule}), so no rule class can report it a second time.
 */
class LintConvertAgreementTest {
  private static final Pattern LINE = Pattern.compile("^(.+?:\\d+:\\d+): (error|warning|info) \\[([a-z0-9-]+)\\] (.*)$");
  private static final String SHARED_LINE = "; the same line applies to ";

  record F(String position, String severity, String id, String message) {
    String where() {
      return position + " " + severity + " [" + id + "]";
    }
  }

  @Test
  void lintShowsWhatConvertReports(@TempDir Path tmp) throws IOException {
    Path config = Files.writeString(tmp.resolve(".ferry.yaml"), "rules: {}\n");
    Map<Path, List<F>> converted = new LinkedHashMap<>();
    for (Path f : inputs()) {
      Cli c = Cli.run("convert", "--findings", "-f", f.toString());
      if (c.code() == 0) converted.put(f, parse(c.err()));
    }
    assertTrue(converted.size() >= 100, "expected the convert cases and most lint fixtures to convert, got " + converted.size());
    Set<String> translationIds = new TreeSet<>();
    converted.values().forEach(l -> l.forEach(x -> translationIds.add(x.id())));

    List<String> notMetadataOnly = new ArrayList<>();
    for (String id : translationIds) {
      Rule r = RuleRegistry.byId(id).orElse(null);
      if (r == null || !(r instanceof DiagnosticRule)) notMetadataOnly.add(id);
    }
    assertEquals(List.of(), notMetadataOnly, "ids the translation reports must have a metadata-only rule class");

    List<String> problems = new ArrayList<>();
    for (Map.Entry<Path, List<F>> e : converted.entrySet()) {
      Cli lint = Cli.run("lint", "--format", "compact", "--fail-on", "never", "--config", config.toString(),
          "-f", e.getKey().toString());
      List<F> shown = parse(lint.out()).stream().filter(x -> translationIds.contains(x.id())).toList();
      compare(e.getKey(), e.getValue(), shown, problems);
    }
    assertEquals(List.of(), problems);
  }

  /** Convert's findings grouped by line, id and severity; lint shows each group once. */
  private static void compare(Path file, List<F> convert, List<F> lint, List<String> problems) {
    Map<String, List<F>> groups = new LinkedHashMap<>();
    for (F f : convert) groups.computeIfAbsent(f.where(), k -> new ArrayList<>()).add(f);
    Map<String, List<F>> shown = new LinkedHashMap<>();
    for (F f : lint) shown.computeIfAbsent(f.where(), k -> new ArrayList<>()).add(f);
    for (String k : new TreeSet<>(concat(groups.keySet(), shown.keySet()))) {
      List<String> want = groups.getOrDefault(k, List.of()).stream().map(F::message).distinct().toList();
      List<String> got = shown.getOrDefault(k, List.of()).stream().map(F::message).toList();
      boolean same = want.equals(got)
          || !want.isEmpty() && got.size() == 1 && got.get(0).startsWith(want.get(0) + SHARED_LINE);
      if (!same) problems.add(file + ": " + k + ": convert " + want + ", lint " + got);
    }
  }

  private static Set<String> concat(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return s;
  }

  private static List<F> parse(String text) {
    List<F> out = new ArrayList<>();
    for (String l : text.split("\n")) {
      Matcher m = LINE.matcher(l);
      if (m.matches()) out.add(new F(m.group(1), m.group(2), m.group(3), m.group(4)));
    }
    return out;
  }

  /** Every conversion case's compose file, and every lint fixture without a configuration or suppressions. */
  private static List<Path> inputs() throws IOException {
    Path root = root();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve("testdata/convert"))) {
      s.sorted().map(d -> d.resolve("input/compose.yaml")).filter(Files::isRegularFile).forEach(out::add);
    }
    try (Stream<Path> s = Files.list(root.resolve("testdata/lint"))) {
      for (Path d : s.sorted().toList()) {
        if (Files.exists(d.resolve(".ferry.yaml"))) continue;
        for (String n : List.of("bad.yaml", "good.yaml")) {
          Path f = d.resolve(n);
          if (Files.isRegularFile(f) && !Files.readString(f).contains("ferry-disable")) out.add(f);
        }
      }
    }
    return out;
  }

  private static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testdata/convert"))) return d;
    }
    throw new IllegalStateException("testdata/convert not found above " + Path.of("").toAbsolutePath());
  }
}
