package dev.ferry.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison shared by the golden tests. {@code -Dferry.golden.update=true} rewrites
 * the expected files (on purpose, then reviewed by reading the diff); CI never sets it.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("ferry.golden.update");
  }

  /** The repository root (the Maven multi-module directory). */
  public static Path repoRoot() {
    String p = System.getProperty("ferry.repo.root");
    Path start = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
    for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testdata")) && Files.isRegularFile(d.resolve("pom.xml"))) return d;
    }
    throw new IllegalStateException("repository root not found from " + start);
  }

  /** Compares {@code actual} with the file (absent file = expected nothing), or rewrites it when updating. */
  public static void check(Path expectedFile, String actual) {
    try {
      if (updating()) {
        if (actual == null || actual.isEmpty()) {
          Files.deleteIfExists(expectedFile);
        } else {
          Files.createDirectories(expectedFile.getParent());
          Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        return;
      }
      String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
      String got = actual == null ? "" : actual;
      if (!Files.exists(expectedFile) && !got.isEmpty()) {
        fail("no golden file " + expectedFile + " for this output (run with -Dferry.golden.update=true and review):\n" + got);
      }
      assertEquals(expected, got, "golden file " + expectedFile + " differs (rerun with -Dferry.golden.update=true to accept, then review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
