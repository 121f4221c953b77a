package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.tree.Node;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parse builds a well-formed file straight from the parser's events ({@link EventTree}) and reads
 * any other file the careful way (Composer and TreeBuilder). The fast path must give the careful
 * path's tree, positions and tags included, whenever it does not give up, and must give up on
 * every file the careful path reports anything about.
 */
class EventTreeTest {
  /** Whether the fast path agreed (true) or gave up (false); fails when it answers differently. */
  private static boolean agrees(String text) {
    Diagnostics diags = new Diagnostics();
    List<Node> careful;
    try {
      careful = Parse.carefully("f.yaml", text, diags);
    } catch (RuntimeException e) {
      careful = null; // not a concern of this test: the fast path must then give up
    }
    List<Node> fast;
    try {
      fast = Parse.fast("f.yaml", text);
    } catch (RuntimeException e) {
      throw new AssertionError("the fast path threw on " + text, e);
    }
    if (fast == null) return false;
    assertTrue(careful != null && diags.all().isEmpty(), () -> "the fast path accepted what the careful path reports: "
        + diags.all() + " in\n" + text);
    assertEquals(careful, fast, () -> "trees differ for\n" + text);
    return true;
  }

  private static void fastAndSame(String text) {
    assertTrue(agrees(text), () -> "the fast path gave up on\n" + text);
  }

  @Test
  void wellFormedFilesTakeTheFastPathWithTheSameTree() {
    fastAndSame("");
    fastAndSame("a: 1\nb: [x, 'y', \"z\", 1.5, true, null, ~]\nc: {d: e}\n");
    fastAndSame("x-c: &c\n  restart: always\n  labels: {a: b}\nservices:\n  s:\n    <<: *c\n    image: i\n    restart: no\n");
    fastAndSame("x: &a {k: 1}\ny: &b {k: 2, l: 3}\nz:\n  <<: [*a, *b]\n  m: 4\n  <<: {n: 5}\n");
    fastAndSame("a: &s text\nb: *s\nc: &s other\nd: *s\n");
    fastAndSame("a: &m {x: &m 1, y: *m}\nb: *m\n");
    fastAndSame("a: !reset []\nb: !override {c: 1}\nc: !!str 12\nd: !!int 7\ne: !custom x\nf: ! 3\n");
    fastAndSame("a: 1\n---\nb: 2\n...\n---\n- 3\n");
    fastAndSame("k: |\n  line\n  line2\nl: >-\n  folded\n'<<': quoted\n");
    fastAndSame("{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11}");
    // the same plain text again (made from the first node) beside quoted and tagged spellings of it
    fastAndSame("a:\n"
        + "- 1\n- 1\n- '1'\n- \"1\"\n- !!str 1\n- 1\n- true\n- true\n- 'true'\n"
        + "- null\n- null\n- ~\n- ~\n- ''\n- ${X}\n- ${X}\n- '${X}'\n"
        + "- ${X:-y}\n- ${X:-y}\n- 0x1f\n- 0x1f\n- 0o7\n- 0o7\n- 1.5\n- 1.5\n- .inf\n- .inf\n"
        + "- .NaN\n- .NaN\n- 99999999999999999999\n- 99999999999999999999\n- &k 3\n- *k\n- 3\n- !custom 3\n- 3\n- <<\n- <<\n"
        + "b:\n  c: 1\n  d: ${X}\n  e: 1\n");
  }

  @Test
  void whatTheCarefulPathReportsIsLeftToIt() {
    for (String bad : List.of("a: 1\na: 2\n", "a: *nope\n", "a: &r {b: *r}\n", "a: &r\n  <<: *r\n",
        "? [x]\n: y\n", "a: {<<: 1}\n", "a: {<<: [1]}\n", "&k a: 1\nb: *k\n", "*k : 1\n", "a: [\n",
        "a: b: c\n", "!!merge <<: {a: 1}\n")) {
      assertTrue(!agrees(bad), () -> "the fast path took\n" + bad);
    }
  }

  @Test
  void everyYamlFileOfTheTestDataAgrees() throws IOException {
    int fast = 0;
    for (String text : TestDataYaml.texts()) if (agrees(text)) fast++;
    assertTrue(fast > 100, "only " + fast + " test-data files took the fast path");
  }

  private static final String[] PIECES = {"a", "b", "<<", "'<<'", ":", ": ", "- ", "\n", "  ", "    ", "&x ", "&y ",
      "*x", "*y", "{", "}", "[", "]", ", ", "!reset ", "!override ", "!!str ", "? ", "---\n", "1", "null", "\"q\"", "#c"};

  /** Structure-aware: YAML made of anchors, aliases, merge keys, tags, flow and block pieces. */
  @FuzzTest(maxDuration = "20s")
  void fastPathAgreesWithTheCarefulOne(FuzzedDataProvider data) {
    agrees(TestDataYaml.fromPieces(data, PIECES, 60));
  }
}
