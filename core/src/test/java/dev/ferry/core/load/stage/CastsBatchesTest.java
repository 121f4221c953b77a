package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The services of a large file are interpolated and cast in batches on every core: the tree and the
 * diagnostics, in their order, must be those of one walk in document order, including when the bound
 * on all interpolated values of the file is crossed inside the services.
 */
class CastsBatchesTest {
  private static void sameAsInOrder(String text, Map<String, String> env) {
    MapNode doc = Parse.composeFile("f.yaml", text.getBytes(StandardCharsets.UTF_8), new Diagnostics());
    Diagnostics batched = new Diagnostics();
    MapNode inBatches = Casts.apply(doc, batched, Interpolate.scalars(env::get, batched, false));
    Diagnostics ordered = new Diagnostics();
    UnaryOperator<ScalarNode> oneByOne = Interpolate.scalars(env::get, ordered, false);
    MapNode inOrder = Casts.apply(doc, ordered, oneByOne);
    assertEquals(inOrder, inBatches);
    assertEquals(ordered.all(), batched.all());
  }

  private static String services(int n, String value) {
    StringBuilder b = new StringBuilder("x-a: ${A}\nservices:\n");
    for (int i = 0; i < n; i++) {
      b.append("  s").append(i).append(":\n    image: i\n    tty: \"${T:-true}\"\n    scale: ${N}\n")
          .append("    environment:\n      V: \"").append(value).append("\"\n      W: ${UNSET}\n    cpus: \"\"\n");
    }
    return b.append("volumes:\n  v:\n    external: ${A}\n").toString();
  }

  @Test
  void batchesGiveTheTreeAndDiagnosticsOfOneWalkInOrder() {
    sameAsInOrder(services(1000, "${A}-$$-${B:-x}"), Map.of("A", "1", "N", "3"));
    sameAsInOrder(services(300, "${A:?needed}"), Map.of("N", "two"));
  }

  @Test
  void aBoundCrossedInsideTheServicesIsReportedWhereItIsInOrder() {
    String big = "z".repeat(70_000);
    Diagnostics d = new Diagnostics();
    sameAsInOrder(services(600, "${B}${B}"), Map.of("B", big, "A", "1", "N", "1"));
    Casts.apply(Parse.composeFile("f.yaml", services(600, "${B}${B}").getBytes(StandardCharsets.UTF_8), d), d,
        Interpolate.scalars(Map.of("B", big)::get, d, false));
    assertTrue(d.all().stream().anyMatch(x -> x.message().contains("in all")), "the bound was not reached");
  }
}
