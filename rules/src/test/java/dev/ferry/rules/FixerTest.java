package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.load.LoadOptions;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.engine.Fixer;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import dev.ferry.rules.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --fix}: text edits that keep comments, fix every fixable finding, and are idempotent. */
class FixerTest {
  static final Path DIR = RuleFixturesTest.root().resolve("testdata/lint-fix");

  @Test
  void fixesEverythingFixableAndKeepsComments() throws Exception {
    String input = Files.readString(DIR.resolve("input.yaml"));
    String fixed = Fixer.fixText("input.yaml", input, LintConfig.none());
    Path expected = DIR.resolve("expected.yaml");
    if (Boolean.getBoolean("ferry.golden.update")) Files.writeString(expected, fixed);
    assertEquals(Files.readString(expected), fixed);
    for (String comment : List.of("# The shop", "# front end", "# pinned", "# database; keep its volume")) {
      assertTrue(fixed.contains(comment), "comment lost: " + comment);
    }
  }

  @Test
  void fixingTwiceChangesNothing() throws Exception {
    String once = Fixer.fixText("input.yaml", Files.readString(DIR.resolve("input.yaml")), LintConfig.none());
    assertEquals(once, Fixer.fixText("input.yaml", once, LintConfig.none()));
  }

  @Test
  void afterTheFixNoFixableRuleFindsAnything(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("compose.yaml");
    Files.writeString(f, Files.readString(DIR.resolve("input.yaml")));
    LoadOptions opts = LoadOptions.builder().workingDirectory(tmp).file(f.getFileName()).environment(Map.of()).build();
    Set<String> fixable = RuleRegistry.all().stream().filter(r -> r.info().fixable()).map(Rule::id).collect(Collectors.toSet());
    List<Finding> before = LintEngine.lint(opts, LintConfig.none()).findings().stream().filter(x -> fixable.contains(x.rule())).toList();
    assertTrue(before.size() >= 6, "the input exercises the fixable rules: " + before);
    for (Fixer.FileFix fix : Fixer.fix(opts, LintConfig.none())) {
      assertNotEquals(fix.before(), fix.after());
      assertTrue(fix.diff().startsWith("--- a/compose.yaml\n+++ b/compose.yaml\n"), fix.diff());
      Files.writeString(fix.path(), fix.after());
    }
    List<Finding> after = LintEngine.lint(opts, LintConfig.none()).findings().stream().filter(x -> fixable.contains(x.rule())).toList();
    assertEquals(List.of(), after);
  }

  @Test
  void disabledRulesAreNotFixed(@TempDir Path tmp) throws Exception {
    Path cfg = tmp.resolve(".ferry.yaml");
    Files.writeString(cfg, "rules:\n  ports-unquoted: off\n");
    String fixed = Fixer.fixText("input.yaml", Files.readString(DIR.resolve("input.yaml")), LintConfig.load(cfg));
    assertTrue(fixed.contains("- 8080:80"), fixed);
  }

  @Test
  void aFlowStyleListIsReportedButLeftAlone() {
    String text = "name: x\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [redis, db]\n  db:\n    image: postgres:16.4\n  redis:\n    image: redis:7.4\n";
    String fixed = Fixer.fixText("c.yaml", text, LintConfig.none());
    assertTrue(fixed.contains("depends_on: [redis, db]"), fixed);
  }
}
