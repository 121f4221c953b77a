package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ConfigWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** secrets/configs {@code mode} as docker compose reads it, and {@code ferry config} output that reads back the same. */
class FileModesTest {
  /** Removed by JUnit after the class. */
  @TempDir static Path dir;

  static synchronized LoadResult load(String mode) throws IOException {
    Files.writeString(dir.resolve("pw.txt"), "x\n");
    Path f = dir.resolve("compose.yaml");
    Files.writeString(f, "services:\n  app:\n    image: example/app:1.0.0\n    secrets:\n      - source: pw\n        mode: "
        + mode + "\nsecrets:\n  pw:\n    file: ./pw.txt\n");
    return ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).file(f).build());
  }

  static Integer modeOf(LoadResult r) {
    return r.project().service("app").storage().secrets().get(0).mode();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0440      | 288", "'\"0440\"' | 288", "0o440 | 288", "288 | 288", "'\"440\"' | 288", "0 | 0", "0777 | 511",
    "\"0755\" | 493", "0x1ff | 511", "420 | 420"})
  void readsModesAsCompose(String written, int expected) throws IOException {
    LoadResult r = load(written.replace("'", ""));
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    assertEquals(expected, modeOf(r));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0489", "'\"0o440\"'", "rw", "'\"12a\"'", "-1", "1.5"})
  void invalidModesAreErrorsAtTheirPosition(String written) throws IOException {
    LoadResult r = load(written.replace("'", ""));
    assertTrue(r.hasErrors(), "accepted " + written);
    Diagnostic d = r.errors().get(0);
    assertEquals(6, d.position().line(), d.toString());
    assertEquals(15, d.position().column(), d.toString());
    assertTrue(d.message().contains("mode"), d.message());
  }

  /** Property: every mode, in each spelling compose accepts, loads to its value, and config output loads back to it. */
  @FuzzTest(maxDuration = "20s")
  void everySpellingRoundTrips(FuzzedDataProvider data) throws IOException {
    int v = data.consumeInt(0, 07777);
    String written = switch (data.consumeInt(0, 3)) {
      case 0 -> "0" + Integer.toOctalString(v);
      case 1 -> "\"" + Integer.toOctalString(v) + "\"";
      case 2 -> "0o" + Integer.toOctalString(v);
      default -> Integer.toString(v);
    };
    LoadResult r = load(written);
    assertFalse(r.hasErrors(), () -> written + ": " + r.diagnostics());
    assertEquals(v, modeOf(r), written);
    String config = ConfigWriter.write(r.project());
    Path back = dir.resolve("back.yaml");
    Files.writeString(back, config);
    LoadResult again = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).file(back).build());
    assertFalse(again.hasErrors(), () -> config + again.diagnostics());
    assertEquals(v, modeOf(again), config);
  }
}
