package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.rules.api.Rule;
import dev.ferry.rules.engine.RuleRegistry;
import dev.ferry.rules.report.RuleDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule pages and the rule index agree with the rule metadata. */
class RuleDocsTest {
  @Test
  void everyPageStartsWithItsMetadata() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      Path p = RuleFixturesTest.root().resolve("docs/rules").resolve(r.id() + ".md");
      String text = Files.readString(p);
      if (!text.startsWith(RuleDocs.header(r.info()))) wrong.add(p + " must start with:\n" + RuleDocs.header(r.info()));
      String withOptions = RuleDocs.withOptions(text, r.info());
      if (Boolean.getBoolean("ferry.golden.update")) Files.writeString(p, withOptions);
      else if (!withOptions.equals(text)) wrong.add(p + ": its ## Options section must be (run with -Dferry.golden.update=true):\n" + RuleDocs.options(r.info()));
      if (!text.contains(r.info().remediation())) wrong.add(p + " must contain the remediation: " + r.info().remediation());
      for (String section : List.of("## What it finds", "## Why it matters on Kubernetes", "## Bad", "## Good")) {
        if (!text.contains(section)) wrong.add(p + " lacks " + section);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void indexIsUpToDate() throws Exception {
    Path p = RuleFixturesTest.root().resolve("docs/rules/README.md");
    String expected = RuleDocs.readme();
    if (Boolean.getBoolean("ferry.golden.update")) Files.writeString(p, expected);
    assertEquals(expected, Files.exists(p) ? Files.readString(p) : "", "docs/rules/README.md is stale; run with -Dferry.golden.update=true");
  }

  @Test
  void atLeastFortyFiveRulesAndEveryDclintRule() {
    assertEquals(true, RuleRegistry.all().size() >= 45);
    for (String id : RuleDocs.DCLINT.values()) assertEquals(true, RuleRegistry.byId(id).isPresent(), id);
  }
}
