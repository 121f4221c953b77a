package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.core.load.LoadOptions;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import dev.ferry.rules.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule against its fixtures in {@code testdata/lint/<id>/}: {@code bad.yaml} carries a
 * {@code # expect: <substring>} marker on the line before each line the rule must flag (markers
 * stack; {@code # expect-file:} means a finding at line 1), and no other line may be flagged by
 * that rule; {@code good.yaml} must give the rule no finding at all. Other files in the directory
 * (env files, included files, a .ferry.yaml) are there for the fixture's sake.
 */
class RuleFixturesTest {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect(-file)?:\\s*(.+?)\\s*$");

  static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testdata/lint"))) return d;
    }
    throw new IllegalStateException("testdata/lint not found above " + Path.of("").toAbsolutePath());
  }

  static List<Finding> lint(Path file, String rule) throws Exception {
    Path dir = file.getParent();
    LintConfig config = Files.isRegularFile(dir.resolve(".ferry.yaml")) ? LintConfig.load(dir.resolve(".ferry.yaml")) : LintConfig.none();
    LoadOptions opts = LoadOptions.builder().workingDirectory(dir).file(file.getFileName()).environment(Map.of()).build();
    return LintEngine.lint(opts, config).findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return RuleRegistry.sorted().stream().map(Rule::id).flatMap(id -> Stream.of(
        DynamicTest.dynamicTest(id + " bad.yaml", () -> bad(id)),
        DynamicTest.dynamicTest(id + " good.yaml", () -> good(id))));
  }

  private static void bad(String id) throws Exception {
    Path dir = root().resolve("testdata/lint").resolve(id);
    Path f = dir.resolve("bad.yaml");
    assertTrue(Files.isRegularFile(f), "rule " + id + " has no fixture " + f);
    // markers in bad.yaml and in the files it uses (env files, included files); keyed file:line
    Map<String, List<String>> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        if (p.getFileName().toString().equals("good.yaml") || !Files.isRegularFile(p)) continue;
        for (Map.Entry<Integer, List<String>> e : expectations(p).entrySet()) {
          expected.put(p.getFileName() + ":" + e.getKey(), e.getValue());
        }
      }
    }
    assertTrue(!expected.isEmpty(), f + " has no # expect: markers");
    List<Finding> found = lint(f, id);
    List<String> problems = new ArrayList<>();
    Map<String, List<Finding>> byLine = new TreeMap<>();
    for (Finding x : found) byLine.computeIfAbsent(x.file() + ":" + x.line(), k -> new ArrayList<>()).add(x);
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      List<Finding> at = byLine.getOrDefault(e.getKey(), List.of());
      for (String sub : e.getValue()) {
        if (at.stream().noneMatch(x -> x.message().contains(sub))) {
          problems.add(e.getKey() + ": expected a finding containing \"" + sub + "\", got " + messages(at));
        }
      }
    }
    for (Map.Entry<String, List<Finding>> e : byLine.entrySet()) {
      if (!expected.containsKey(e.getKey())) problems.add(e.getKey() + ": unexpected " + messages(e.getValue()));
    }
    if (!problems.isEmpty()) fail(id + " bad.yaml:\n  " + String.join("\n  ", problems));
  }

  private static void good(String id) throws Exception {
    Path f = root().resolve("testdata/lint").resolve(id).resolve("good.yaml");
    assertTrue(Files.isRegularFile(f), "rule " + id + " has no clean fixture " + f);
    List<Finding> found = lint(f, id);
    assertEquals(List.of(), found.stream().map(x -> x.position() + " " + x.message()).toList(), id + " good.yaml must be clean");
  }

  private static List<String> messages(List<Finding> fs) {
    return fs.stream().map(Finding::message).toList();
  }

  /** Line → substrings expected there. */
  static Map<Integer, List<String>> expectations(Path f) throws IOException {
    List<String> lines = Files.readAllLines(f);
    Map<Integer, List<String>> out = new TreeMap<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find() && lines.get(i).stripLeading().startsWith("#")) {
        if (m.group(1) != null) out.computeIfAbsent(1, k -> new ArrayList<>()).add(m.group(2));
        else pending.add(m.group(2));
        continue;
      }
      if (!pending.isEmpty()) {
        out.computeIfAbsent(i + 1, k -> new ArrayList<>()).addAll(pending);
        pending.clear();
      }
    }
    return out;
  }

  @Test
  void everyRuleHasFixturesAndADocPage() {
    List<String> missing = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      Path dir = root().resolve("testdata/lint").resolve(r.id());
      if (!Files.isRegularFile(dir.resolve("bad.yaml"))) missing.add(r.id() + ": testdata/lint/" + r.id() + "/bad.yaml");
      if (!Files.isRegularFile(dir.resolve("good.yaml"))) missing.add(r.id() + ": testdata/lint/" + r.id() + "/good.yaml");
      if (!Files.isRegularFile(root().resolve("docs/rules").resolve(r.id() + ".md"))) missing.add(r.id() + ": docs/rules/" + r.id() + ".md");
    }
    assertEquals(List.of(), missing);
  }
}
