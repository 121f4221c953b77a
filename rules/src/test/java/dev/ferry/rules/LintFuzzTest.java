package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.engine.Fixer;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of lint over arbitrary compose-like text: no exception escapes, every finding has a
 * position, the same input gives the same findings; and the fixer is idempotent and never turns a
 * file that parses into one that does not. Regression mode replays the seeds in LintFuzzTestInputs;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class LintFuzzTest {
  private static final List<String> PIECES = List.of(
      "services:\n", "  web:\n", "  db:\n", "  a_b:\n", "    image: nginx\n", "    image: postgres:16.4\n",
      "    ports:\n", "      - 8080:80\n", "      - \"443:443\"\n", "      - 80\n", "    volumes:\n",
      "      - \"./x:/x\"\n", "      - data:/data\n", "    depends_on:\n", "      - db\n", "      - web\n",
      "    depends_on: [db]\n", "    privileged: true\n", "    user: root\n", "    environment:\n",
      "      PASSWORD: x\n", "      URL: http://db:5432\n", "version: \"3\"\n", "name: n\n", "volumes:\n",
      "  data: {}\n", "# c\n", "\n", "    # ferry-disable-next-line privileged\n", "x-a: &a\n  restart: always\n",
      "    <<: *a\n", "    healthcheck:\n      test: [CMD, true]\n      retries: 10s\n", "\t", ": ", "- ");

  /** Removed by JUnit after the class (a directory made by hand was left in the temporary directory at every run). */
  @TempDir static Path dir;

  static Path dir() {
    return dir;
  }

  private static String text(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder();
    int n = data.consumeInt(0, 40);
    for (int i = 0; i < n; i++) b.append(data.consumeBoolean() ? data.pickValue(PIECES) : data.consumeString(6));
    return b.toString();
  }

  @FuzzTest(maxDuration = "20s")
  void lintNeverThrowsAndIsStable(FuzzedDataProvider data) throws IOException {
    String text = text(data);
    Path f = dir().resolve("compose.yaml");
    Files.writeString(f, text);
    LoadOptions o = LoadOptions.builder().workingDirectory(dir()).file(f.getFileName()).environment(Map.of()).build();
    List<Finding> a = LintEngine.lint(o, LintConfig.none()).findings();
    for (Finding x : a) assertTrue(x.line() >= 1 && x.column() >= 1 && !x.file().isEmpty(), x.toString());
    assertEquals(a, LintEngine.lint(o, LintConfig.none()).findings());
  }

  @FuzzTest(maxDuration = "20s")
  void fixerIsIdempotentAndKeepsFilesParsable(FuzzedDataProvider data) {
    String text = text(data);
    String once = Fixer.fixText("c.yaml", text, LintConfig.none());
    if (!once.equals(text)) {
      Diagnostics d = new Diagnostics();
      Parse.composeFile("c.yaml", once.getBytes(StandardCharsets.UTF_8), d);
      assertTrue(!d.hasErrors(), "fix broke the file:\n" + once);
    }
    assertEquals(once, Fixer.fixText("c.yaml", once, LintConfig.none()));
  }
}
