package dev.ferry.core.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ConfigWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever the bytes, the loader returns diagnostics (every error with a position) and
 * never lets an exception escape; when it succeeds, config output is deterministic. Regression mode
 * (plain {@code mvn test}) replays the seeds in LoaderFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LoaderFuzzTest {
  private static final List<String> KEYS = List.of(
      "services", "image", "ports", "volumes", "environment", "depends_on", "healthcheck", "test",
      "retries", "extends", "networks", "secrets", "configs", "build", "command", "deploy", "x-ferry",
      "profiles", "<<", "&a", "*a", "!reset", "!override", "${A:-b}", "$$", "${X:?e}", "- ", ": ", "\n  ", "\n    ", "[", "]", "{", "}", "'", "\"");

  /** Removed by JUnit after the class (a directory made by hand was left in the temporary directory at every run). */
  @TempDir static Path dir;

  static Path dir() {
    return dir;
  }

  @FuzzTest(maxDuration = "30s")
  void loaderNeverThrows(FuzzedDataProvider data) throws IOException {
    byte[] bytes;
    if (data.consumeBoolean()) {
      StringBuilder b = new StringBuilder();
      int n = data.consumeInt(0, 60);
      for (int i = 0; i < n; i++) {
        b.append(data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(8));
      }
      bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } else {
      bytes = data.consumeRemainingAsBytes();
    }
    Path f = dir().resolve("compose.yaml");
    Files.write(f, bytes);
    LoadOptions opts = LoadOptions.builder().workingDirectory(dir()).file(f).env("A", "1").build();
    LoadResult r = ComposeLoader.load(opts);
    for (Diagnostic d : r.errors()) {
      assertTrue(d.position().line() >= 1 && d.position().column() >= 1, "error without position: " + d);
    }
    if (r.project() != null && !r.hasErrors()) {
      String a = ConfigWriter.write(r.project());
      String b2 = ConfigWriter.write(ComposeLoader.load(opts).project());
      assertTrue(a.equals(b2), "config output not deterministic");
    }
  }
}
