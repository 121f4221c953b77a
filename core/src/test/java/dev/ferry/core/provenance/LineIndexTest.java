package dev.ferry.core.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.load.stage.Outline;
import dev.ferry.core.load.stage.TestDataYaml;
import dev.ferry.core.source.ModelPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compose text the loader accepts is indexed whatever snakeyaml-engine's own defaults would
 * refuse: explain's side by side, its summary and the annotations read this index. It is read
 * from the parser's events and must give the index the composed node graph gives.
 */
class LineIndexTest {
  @Test
  void aMergeKeyInEachOfManyServicesIsIndexed() {
    // 60 aliases of one collection: snakeyaml-engine's default refuses more than 50
    StringBuilder b = new StringBuilder("x-common: &common\n  restart: always\nservices:\n");
    for (int i = 0; i < 60; i++) b.append("  s").append(i).append(":\n    <<: *common\n    image: app").append(i).append('\n');
    LineIndex ix = LineIndex.of(b.toString());
    LineIndex.Entry last = ix.entry(0, ModelPath.of("services", "s59", "image"));
    assertEquals(3 + 59 * 3 + 3, last.line());
    assertEquals(5, last.column());
    assertEquals(2, ix.entry(0, ModelPath.of("services", "s59", "<<", "restart")).line());
  }

  @Test
  void aTextOverThreeMebibytesIsIndexed() {
    // snakeyaml-engine's default refuses more than 3 MiB of code points; the loader reads up to its own limit
    StringBuilder b = new StringBuilder("services:\n  app:\n    environment:\n");
    int n = 0;
    while (b.length() <= 3 * 1024 * 1024 + 1) b.append("      KEY_").append(n++).append(": \"value value value value value\"\n");
    LineIndex ix = LineIndex.of(b.toString());
    assertEquals(3 + n, ix.entry(0, ModelPath.of("services", "app", "environment", "KEY_" + (n - 1))).line());
  }

  @Test
  void aTextThatIsNotYamlHasNoEntries() {
    assertTrue(LineIndex.of("a: [\n").entries().isEmpty());
  }

  /** The event walk's index is the composed walk's: the same entries, ranges and documents. */
  private static void same(String text) {
    LineIndex events = LineIndex.of(text);
    LineIndex composed;
    try {
      composed = LineIndex.composed(text);
    } catch (StackOverflowError e) {
      return; // nesting the recursive reference cannot walk (the loader refuses it): the event walk answered
    }
    assertEquals(composed.entries(), events.entries(), () -> "entries differ for\n" + text);
    assertEquals(composed.documents().stream().map(java.util.Arrays::toString).toList(),
        events.documents().stream().map(java.util.Arrays::toString).toList(), () -> "documents differ for\n" + text);
  }

  @Test
  void theEventWalkGivesTheComposedIndex() {
    same("");
    same("a: 1\nb: [x, 'y', \"z\", 1.5, true, null, ~]\nc: {d: e}\n");
    same("x-c: &c\n  restart: always\n  labels: {a: b}\nservices:\n  s:\n    <<: *c\n    image: i\n    restart: no\n");
    same("x: &a {k: 1}\ny: &b {k: 2, l: [3, *a]}\nz:\n  <<: [*a, *b]\n  m: 4\n  <<: {n: 5}\nl:\n- *b\n- *a\n- x\n");
    same("a: &s text\nb: *s\nc: &s other\nd: *s\n*s : 1\n");
    same("a: &m {x: &m 1, y: *m}\nb: *m\n");
    same("a: &m {x: &n [1, {k: v}], y: *n}\nb: *m\nc: [*m, *n]\n*m : 2\n");
    same("a: 1\n---\nb: 2\n...\n---\n- 3\n# end\n---\n");
    same("k: |\n  line\n\n  line2\n\n# c\nl: >-\n  folded\n'<<': quoted\n");
    same("? [x]\n: y\nz: 1\n");
    same("a: *nope\n");
    same("a: &r {b: *r}\n");
    same("scalar\n");
    same("- a\n- - b\n  - c: d\n    e: f\n");
  }

  @Test
  void everyYamlFileOfTheTestDataIsIndexedAlike() throws IOException {
    for (String text : TestDataYaml.texts()) same(text);
  }

  /** The index from the loader's outline of each file is the index of the file's own reading. */
  private static int sameFromTheLoader(LoadResult r) {
    int n = 0;
    for (Map.Entry<String, String> f : r.fileTexts().entrySet()) {
      Outline o = r.outlines().get(f.getKey());
      if (o == null) continue;
      n++;
      LineIndex own = LineIndex.of(f.getValue());
      LineIndex loaders = LineIndex.of(f.getValue(), o);
      assertEquals(own.entries(), loaders.entries(), () -> "entries differ for " + f.getKey());
      assertEquals(own.documents().stream().map(java.util.Arrays::toString).toList(),
          loaders.documents().stream().map(java.util.Arrays::toString).toList(), () -> "documents differ for " + f.getKey());
    }
    return n;
  }

  /**
   * explain indexes each compose file from the outline the loader read beside its own parse: for
   * every project of the testdata and a file large enough to be read in pieces, that index is the
   * file's own; without asking for outlines, the loader keeps none.
   */
  @Test
  void theLoadersOutlinesIndexEachFileAsItsOwnReadingDoes(@TempDir Path dir) throws IOException {
    int outlined = 0;
    try (Stream<Path> inputs = Files.list(Path.of("..", "testdata"))) {
      for (Path group : inputs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> cases = Files.list(group)) {
          for (Path c : cases.map(x -> x.resolve("input")).filter(Files::isDirectory).toList()) {
            outlined += sameFromTheLoader(ComposeLoader.load(LoadOptions.builder().workingDirectory(c).outlines(true).build()));
          }
        }
      }
    }
    assertTrue(outlined > 50, "only " + outlined + " files outlined");
    StringBuilder b = new StringBuilder("name: big\nx-c: &c\n  restart: always\n  labels: {tier: x}\nservices:\n");
    for (int i = 0; i < 3000; i++) {
      b.append("  s").append(i).append(":\n    <<: *c\n    image: app:").append(i).append("\n    environment:\n      A: \"")
          .append(i).append("\"\n    ports: [\"").append(8000 + i % 1000).append(":80\"]\n");
    }
    Files.writeString(dir.resolve("compose.yaml"), b.append("volumes:\n  data: {}\n"));
    LoadOptions opts = LoadOptions.builder().workingDirectory(dir).outlines(true).build();
    LoadResult big = ComposeLoader.load(opts);
    assertEquals(1, sameFromTheLoader(big), "the large file was not outlined");
    assertTrue(ComposeLoader.load(opts.toBuilder().outlines(false).build()).outlines().isEmpty());
  }

  private static final String[] PIECES = {"a", "b", "<<", "'<<'", ":", ": ", "- ", "\n", "  ", "    ", "&x ", "&y ",
      "*x", "*y", "{", "}", "[", "]", ", ", "!reset ", "? ", "---\n", "...\n", "1", "null", "\"q\"", "#c", "|\n", "\n\n"};

  /** Structure-aware: anchors, aliases as keys, values and items, merge keys, flow and block pieces, documents. */
  @FuzzTest(maxDuration = "20s")
  void theEventWalkAgreesWithTheComposedOne(FuzzedDataProvider data) {
    same(TestDataYaml.fromPieces(data, PIECES, 60));
  }
}
