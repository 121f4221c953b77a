package dev.ferry.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.rules.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversion that throws during lint is said, like a rule that throws, and the rest of the lint stands. */
class ConversionCrashTest {
  @TempDir Path tmp;

  private List<Finding> lint(LintConfig config, Function<dev.ferry.core.load.LoadResult, Translation> translator)
      throws Exception {
    Files.writeString(tmp.resolve("compose.yaml"), "name: x\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
    LoadOptions o = LoadOptions.builder().workingDirectory(tmp).file(Path.of("compose.yaml")).environment(Map.of()).build();
    return LintEngine.lint(o, config, translator).findings();
  }

  private static Translation crash(dev.ferry.core.load.LoadResult load) {
    throw new IllegalStateException("mapper bug");
  }

  @Test
  void aConversionCrashIsAFindingAndTheRulesStillReport() throws Exception {
    List<Finding> found = lint(LintConfig.none(), ConversionCrashTest::crash);
    Finding crash = found.stream().filter(f -> f.rule().equals("not-translatable")).findFirst().orElseThrow(
        () -> new AssertionError("the crash was swallowed: " + found));
    assertEquals("conversion could not finish on this file (java.lang.IllegalStateException: mapper bug)", crash.message());
    assertEquals(Severity.INFO, crash.severity());
    assertEquals("compose.yaml:1:1", crash.position().toString());
    assertTrue(found.stream().anyMatch(f -> f.rule().equals("privileged")), found.toString());
  }

  @Test
  void theCrashFindingFollowsTheConfigurationOfItsRule() throws Exception {
    Path cfg = tmp.resolve(".ferry.yaml");
    Files.writeString(cfg, "rules:\n  not-translatable: error\n");
    Finding crash = lint(LintConfig.load(cfg), ConversionCrashTest::crash).stream()
        .filter(f -> f.rule().equals("not-translatable")).findFirst().orElseThrow();
    assertEquals(Severity.ERROR, crash.severity());
    Files.writeString(cfg, "rules:\n  not-translatable: off\n");
    assertTrue(lint(LintConfig.load(cfg), ConversionCrashTest::crash).stream().noneMatch(f -> f.rule().equals("not-translatable")));
  }
}
