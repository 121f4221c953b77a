package dev.ferry.core.load.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The limits table of docs/loading.md is generated from {@link Limits}: this test fails when the
 * committed table is stale ({@code -Dferry.golden.update=true} rewrites it between its markers).
 */
class LimitsDocTest {
  static final String BEGIN = "<!-- limits: generated from dev.ferry.core.load.limits.Limits by LimitsDocTest; do not edit -->\n";
  static final String END = "<!-- end of limits -->";

  @Test
  void loadingDocListsEveryLimit() throws IOException {
    Path doc = Golden.repoRoot().resolve("docs/loading.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    assertTrue(b >= 0 && e > b, "docs/loading.md has no generated limits section (markers missing)");
    String expected = Limits.markdownTable();
    String actual = text.substring(b + BEGIN.length(), e);
    if (Golden.updating()) {
      Files.writeString(doc, text.substring(0, b + BEGIN.length()) + expected + text.substring(e), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, actual, "docs/loading.md limits table is stale (rerun with -Dferry.golden.update=true)");
  }
}
