package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.provenance.LineIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link BlockYaml} writes the same bytes as the Jackson YAML mapper it replaces, or declines: on
 * trees built from fragments that exercise every quoting, indicator, block and nesting rule of
 * the emitter (leading/trailing spaces, ": " and " #", document markers, line breaks with and
 * without trailing spaces, quotes and backslashes, long keys, non-ASCII, control characters); and
 * records, while writing, the line index parsing its text gives.
 */
class BlockYamlTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> FRAGMENTS = List.of("a", "b", "web", "1", "0", "7", " ", ":", ": ", "#", " #", "-", "- ",
      "?", "'", "\"", "\\", "\n", "\n\n", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", ".", "---",
      "...", "true", "null", "No", "0x1F", "12:00", "1e5", "1.5", "-3", "~", "=", "<<", "2024-01-01", "é", "\t", "\r",
      "\u2028", "\u0085", "\uFEFF", "😀", "\u0000", "\u007F");

  @Test
  void sameBytesAsTheMapperOnRandomTrees() {
    Random r = new Random(17);
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      JsonNode tree = tree(r::nextInt, 0);
      if (compare(tree)) fast++;
    }
    assertTrue(fast > 4_000, "the direct writer covered only " + fast + " of 20000 trees");
  }

  @Test
  void everyStringFragmentAsKeyValueAndItem() {
    for (String a : FRAGMENTS) {
      for (String b : FRAGMENTS) {
        String s = a + b;
        ObjectNode o = F.objectNode();
        o.put("k", s);
        o.put(s, "v");
        o.putArray("list").add(s).add(a).addObject().put("in", s);
        o.putObject("m").put("x", b).putArray("deep").addArray().add(s);
        compare(o);
        compare(F.arrayNode().add(s).add(o));
      }
    }
  }

  @Test
  void coversWhatManifestsHoldAndDeclinesTheRest() {
    ObjectNode o = F.objectNode();
    o.put("apiVersion", "apps/v1").put("replicas", 2).put("ratio", 0.5).put("on", true).putNull("nothing");
    o.putObject("emptyDir");
    o.putArray("args").add("sh").add("-c").add("echo hi\nsleep 1\n").add("x: y").add("'q'").add("");
    o.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", "web");
    assertNotNull(BlockYaml.write(o));
    compare(o);
    assertNull(BlockYaml.write(F.objectNode().put("k", "caf\u00e9")), "non-ASCII goes to the mapper");
    assertNull(BlockYaml.write(F.objectNode().put("x".repeat(128), "v")), "a long key is written as '? key'");
    assertNull(BlockYaml.write(F.objectNode()), "an empty root");
    assertNull(BlockYaml.write(F.textNode("a")), "a scalar root");
    assertEquals("k: café\n", Yaml.write(F.objectNode().put("k", "café")), "the fallback still writes it");
  }

  @Test
  void theWarmUpSamplesTakeTheDirectPath() {
    for (var o : EmitWarmUp.samples()) {
      JsonNode tree = ManifestWriter.tree(o);
      assertTrue(compare(tree), () -> o.getKind() + " fell back to the mapper");
    }
  }

  /** Fuzzing: {@code JAZZER_FUZZ=1} explores trees beyond the fixed seeds. */
  @FuzzTest(maxDuration = "30s")
  void sameBytesAsTheMapper(FuzzedDataProvider data) {
    compare(tree(bound -> data.consumeInt(0, bound - 1), 0));
  }

  /**
   * True when the direct writer covered the tree (and then wrote the mapper's bytes, and recorded
   * the same line index as parsing its text gives).
   */
  private static boolean compare(JsonNode tree) {
    String fast = BlockYaml.write(tree);
    if (fast == null) return false;
    assertEquals(Yaml.mapper().writeValueAsString(tree), fast, () -> "tree: " + tree);
    BlockYaml.Indexed recorded = BlockYaml.indexed(tree);
    assertEquals(fast, recorded.text());
    LineIndex parsed = LineIndex.of(fast);
    assertEquals(parsed.entries(), recorded.index().entries(), () -> "index of:\n" + fast);
    assertEquals(parsed.documents().stream().map(Arrays::toString).toList(),
        recorded.index().documents().stream().map(Arrays::toString).toList(), () -> "document of:\n" + fast);
    for (LineIndex.Entry e : parsed.entries()) assertEquals(Optional.of(e), recorded.index().find(e.path()));
    return true;
  }

  /** A random tree; {@code pick.applyAsInt(n)} is in [0, n). */
  static JsonNode tree(IntUnaryOperator pick, int depth) {
    int kind = depth == 0 ? pick.applyAsInt(2) : pick.applyAsInt(depth > 3 ? 7 : 10);
    switch (kind) {
      case 0, 7 -> {
        ObjectNode o = F.objectNode();
        for (int i = pick.applyAsInt(4); i > 0; i--) o.set(string(pick, true), tree(pick, depth + 1));
        return o;
      }
      case 1, 8 -> {
        ArrayNode a = F.arrayNode();
        for (int i = pick.applyAsInt(4); i > 0; i--) a.add(tree(pick, depth + 1));
        return a;
      }
      case 2 -> {
        return switch (pick.applyAsInt(6)) {
          case 0 -> F.numberNode(pick.applyAsInt(2000) - 1000);
          case 1 -> F.numberNode(3_000_000_000L * (pick.applyAsInt(3) - 1));
          case 2 -> F.numberNode(pick.applyAsInt(1000) / 7.0);
          case 3 -> F.booleanNode(pick.applyAsInt(2) == 0);
          case 4 -> F.nullNode();
          default -> F.numberNode(1e300 * (pick.applyAsInt(3) - 1));
        };
      }
      default -> {
        return F.textNode(string(pick, false));
      }
    }
  }

  static String string(IntUnaryOperator pick, boolean key) {
    if (key && pick.applyAsInt(20) == 0) return "k".repeat(126 + pick.applyAsInt(4));
    StringBuilder b = new StringBuilder();
    for (int i = pick.applyAsInt(key ? 3 : 6); i > 0; i--) b.append(FRAGMENTS.get(pick.applyAsInt(FRAGMENTS.size())));
    if (key && b.isEmpty()) b.append("key");
    return b.toString();
  }
}
