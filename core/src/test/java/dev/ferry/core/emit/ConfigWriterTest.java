package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ferry config}'s text written in pieces (sections, slices of services) equals the whole tree written at once. */
class ConfigWriterTest {
  /** Values that exercise every style the writer chooses: plain, quoted, literal blocks with empty lines, non-ASCII. */
  private static final List<String> VALUES = List.of(
      "plain", "\"8080\"", "\"yes\"", "\"a: b\"", "\"#x\"", "\"  lead\"", "\"$$HOME\"", "\"it's\"",
      "|\n        one\n\n        three\n", "|+\n        kept\n\n", "|2-\n         lead\n        next\n",
      "\"two\\n\\nlines \\n\"", "\"caf\u00e9\"", "3", "1.5", "true", "null", "\"\\ttab\"");

  private static Project load(String text) throws IOException {
    Path dir = Files.createTempDirectory("ferry-config-writer");
    Path f = dir.resolve("compose.yaml");
    try {
      Files.writeString(f, text);
      LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).file(f).build());
      assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
      return r.project();
    } finally { // the project holds what it read: the file and its directory can go (they were left in /tmp, one per run)
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    }
  }

  /** {@code n} services, the i-th with the value {@code values.get(i % size)} in its labels and environment. */
  private static String compose(int n, List<String> values) {
    StringBuilder b = new StringBuilder("name: pieces\nx-extra:\n  k: v\nservices:\n");
    for (int i = 0; i < n; i++) {
      String v = values.get(i % values.size());
      b.append("  s").append(n - i).append(":\n    image: example/app:1.0.0\n")
          .append("    labels:\n      a: ").append(v).append('\n')
          .append("    environment:\n      B: ").append(v).append('\n');
    }
    return b.append("volumes:\n  data: {}\n").toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, ConfigWriter.SLICE, ConfigWriter.SLICE + 1, 3 * ConfigWriter.SLICE + 7})
  void piecesEqualTheWholeTree(int services) throws IOException {
    Project p = load(compose(services, VALUES.subList(0, VALUES.size() - 6)));
    String whole = ConfigWriter.whole(p);
    assertNotNull(BlockYaml.write(ConfigWriter.convert(p.tree())), "the direct writer's path is the one under test");
    assertEquals(whole, ConfigWriter.write(p));
    List<String> pieces = new ArrayList<>();
    ConfigWriter.write(p, pieces::add);
    assertEquals(whole, String.join("", pieces));
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 2 * ConfigWriter.SLICE + 1})
  void aPieceTheDirectWriterDoesNotCoverSendsTheWholeTreeThroughTheMapper(int services) throws IOException {
    Project p = load(compose(services, VALUES));
    String whole = ConfigWriter.whole(p);
    assertNull(BlockYaml.write(ConfigWriter.convert(p.tree())), "the mapper path is the one under test");
    assertEquals(whole, ConfigWriter.write(p));
  }

  @FuzzTest(maxDuration = "15s")
  void anyMixOfValuesWritesTheSameInPieces(FuzzedDataProvider data) throws IOException {
    int n = data.consumeInt(1, 3 * ConfigWriter.SLICE);
    List<String> values = new ArrayList<>();
    for (int i = data.consumeInt(1, 6); i > 0; i--) values.add(VALUES.get(data.consumeInt(0, VALUES.size() - 1)));
    Project p = load(compose(n, values));
    assertEquals(ConfigWriter.whole(p), ConfigWriter.write(p));
  }

  @Test
  void indentsEveryLineButTheEmptyOnes() {
    assertEquals("  a:\n    b: |\n      x\n\n      y\n", ConfigWriter.indented("a:\n  b: |\n    x\n\n    y\n"));
  }
}
