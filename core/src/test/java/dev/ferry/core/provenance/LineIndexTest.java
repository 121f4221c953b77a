package dev.ferry.core.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.source.ModelPath;
import org.junit.jupiter.api.Test;

/**
 * A compose text the loader accepts is indexed whatever snakeyaml-engine's own defaults would
 * refuse: explain's side by side, its summary and the annotations read this index.
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
}
