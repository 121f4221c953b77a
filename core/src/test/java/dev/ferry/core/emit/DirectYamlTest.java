package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link DirectYaml} (the serializer's tokens straight to text, pruning on the way) writes the
 * same bytes as the tree path it replaces (the pruned Jackson tree through {@link Yaml#write}),
 * or declines: on random trees heavy in nulls, empty collections and the meaningful-empty keys,
 * and on the fabric8 objects of the warm-up.
 */
class DirectYamlTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> KEYS = List.of("emptyDir", "podSelector", "namespaceSelector", "a", "b", "x: y",
      "#", "", "k".repeat(128), "é");

  @Test
  void sameBytesAsTheTreePathOnRandomTrees() {
    Random r = new Random(17);
    int direct = 0;
    for (int i = 0; i < 5_000; i++) {
      if (compare(tree(r::nextInt, 0))) direct++;
    }
    assertTrue(direct > 1_000, "the direct path covered only " + direct + " of 5000 trees");
  }

  @Test
  void theWarmUpSamplesTakeTheDirectPath() {
    for (HasMetadata o : EmitWarmUp.samples()) {
      String direct = DirectYaml.write(o);
      assertEquals(Yaml.write(ManifestWriter.tree(o)), direct, o.getKind());
    }
  }

  @Test
  void declinesWhatTheTreePathMustWrite() {
    assertNull(DirectYaml.write(F.objectNode()), "an empty root");
    assertNull(DirectYaml.write(F.objectNode().putNull("k")), "a root that prunes to nothing");
    assertNull(DirectYaml.write(F.textNode("a")), "a scalar root");
    assertNull(DirectYaml.write(F.objectNode().put("k", "caf\u00e9")), "non-ASCII goes to the mapper");
    assertNull(DirectYaml.write(F.objectNode().put("k", 0.5)), "a double");
    assertEquals("emptyDir: {}\nl:\n- {}\n- []\n- null\n",
        DirectYaml.write(objectWith(o -> {
          o.putObject("emptyDir").putObject("gone");
          o.putObject("gone").putArray("gone");
          o.putArray("l").add(F.objectNode().putNull("gone")).add(F.arrayNode()).add(F.nullNode());
        })));
  }

  /** Fuzzing: {@code JAZZER_FUZZ=1} explores trees beyond the fixed seeds. */
  @FuzzTest(maxDuration = "30s")
  void sameBytesAsTheTreePath(FuzzedDataProvider data) {
    compare(tree(bound -> data.consumeInt(0, bound - 1), 0));
  }

  /**
   * True when the direct path covered the tree (and then wrote the tree path's bytes, and recorded
   * the index {@link BlockYaml#indexed} records for the pruned tree: the same entries, in order).
   */
  private static boolean compare(JsonNode tree) {
    String direct = DirectYaml.write(tree);
    BlockYaml.Indexed indexed = DirectYaml.indexed(tree);
    assertEquals(direct, indexed == null ? null : indexed.text(), () -> "indexed text, tree: " + tree);
    if (direct == null) return false;
    JsonNode pruned = ManifestWriter.prune(tree.deepCopy());
    assertEquals(Yaml.write(pruned), direct, () -> "tree: " + tree);
    BlockYaml.Indexed reference = BlockYaml.indexed(pruned);
    if (reference != null) assertEquals(entries(reference), entries(indexed), () -> "index, tree: " + tree);
    return true;
  }

  private static List<String> entries(BlockYaml.Indexed d) {
    return d.index().entries().stream().map(e -> e.path() + " " + e.document() + " " + e.line() + ":" + e.column() + "-"
        + e.endLine()).toList();
  }

  @Test
  void indexesTheWarmUpSamplesAsTheTreePathDoes() {
    for (HasMetadata o : EmitWarmUp.samples()) {
      BlockYaml.Indexed direct = DirectYaml.indexed(o);
      BlockYaml.Indexed tree = BlockYaml.indexed(ManifestWriter.tree(o));
      assertEquals(tree.text(), direct.text(), o.getKind());
      assertEquals(entries(tree), entries(direct), o.getKind());
      assertEquals(entries(tree), entries(new BlockYaml.Indexed(tree.text(), dev.ferry.core.provenance.LineIndex.of(tree.text()))),
          "the recorded index is the parsed one: " + o.getKind());
    }
  }

  @Test
  void anEntryTakenBackLeavesTheIndex() {
    BlockYaml.Indexed d = DirectYaml.indexed(objectWith(o -> {
      o.put("a", "1");
      o.putObject("gone").putObject("deeper").putNull("x");
      o.putArray("l").add(F.objectNode().putNull("gone")).add("multi\nline\n").add(F.arrayNode());
      o.putObject("emptyDir");
      o.put("z", 2);
    }));
    assertEquals("a: \"1\"\nl:\n- {}\n- |\n  multi\n  line\n- []\nemptyDir: {}\nz: 2\n", d.text());
    assertEquals(List.of("a 0 1:1-1", "l 0 2:1-7", "l[0] 0 3:3-3", "l[1] 0 4:3-6", "l[2] 0 7:3-7", "emptyDir 0 8:1-8",
        "z 0 9:1-9"), entries(d));
  }

  private static ObjectNode objectWith(java.util.function.Consumer<ObjectNode> fill) {
    ObjectNode o = F.objectNode();
    fill.accept(o);
    return o;
  }

  /** A random tree: mostly collections, often empty or holding only nulls. */
  private static JsonNode tree(IntUnaryOperator pick, int depth) {
    int kind = depth == 0 ? pick.applyAsInt(2) : pick.applyAsInt(depth > 3 ? 5 : 8);
    switch (kind) {
      case 0, 5 -> {
        ObjectNode o = F.objectNode();
        for (int i = pick.applyAsInt(4); i > 0; i--) {
          String k = pick.applyAsInt(3) == 0 ? KEYS.get(pick.applyAsInt(KEYS.size())) : BlockYamlTest.string(pick, true);
          o.set(k, tree(pick, depth + 1));
        }
        return o;
      }
      case 1, 6 -> {
        ArrayNode a = F.arrayNode();
        for (int i = pick.applyAsInt(3); i > 0; i--) a.add(tree(pick, depth + 1));
        return a;
      }
      case 2 -> {
        return F.nullNode();
      }
      case 3 -> {
        return switch (pick.applyAsInt(4)) {
          case 0 -> F.numberNode(pick.applyAsInt(2000) - 1000);
          case 1 -> F.numberNode(3_000_000_000L * (pick.applyAsInt(3) - 1));
          case 2 -> F.booleanNode(pick.applyAsInt(2) == 0);
          default -> F.numberNode(pick.applyAsInt(1000) / 7.0);
        };
      }
      default -> {
        return F.textNode(BlockYamlTest.string(pick, false));
      }
    }
  }
}
