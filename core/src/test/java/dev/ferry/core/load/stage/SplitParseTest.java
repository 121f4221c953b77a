package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.tree.Node;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large file's services are read in pieces on every core ({@link SplitParse}). Whenever the split
 * read answers, its tree (positions, tags, shared aliases included) must be the one the whole file
 * gives the careful way, with nothing reported; otherwise it must answer null.
 */
class SplitParseTest {
  /** Whether the split read answered (true) or declined (false); fails when it answered differently. */
  private static boolean agrees(String text) {
    List<Node> split;
    try {
      split = SplitParse.documents("f.yaml", text, 4, 1);
    } catch (RuntimeException e) {
      throw new AssertionError("the split read threw on " + text, e);
    }
    if (split == null) return false;
    Diagnostics diags = new Diagnostics();
    List<Node> careful;
    try {
      careful = Parse.carefully("f.yaml", text, diags);
    } catch (RuntimeException e) {
      careful = null;
    }
    assertTrue(careful != null && diags.all().isEmpty(), () -> "split read accepted what the careful path reports: "
        + diags.all() + " in\n" + text);
    assertEquals(careful, split, () -> "trees differ for\n" + text);
    assertEquals(Parse.fast("f.yaml", text), split, () -> "split and whole fast reads differ for\n" + text);
    // read with its outline: the same tree, and the outline (when read) is the one a reading of its own gives
    SplitParse.Read outlined = SplitParse.read("f.yaml", text, 4, 1, true);
    assertEquals(split, outlined.documents(), () -> "reading the outline changed the tree of\n" + text);
    if (outlined.outline() != null) {
      assertEquals(Outlines.describe(Outline.of(text)), Outlines.describe(outlined.outline()),
          () -> "the pieces' outline differs from the file's for\n" + text);
    }
    return true;
  }

  /** Whether the split read answered with the file's outline (it agrees with the file's own, by {@link #agrees}). */
  private static boolean outlined(String text) {
    assertTrue(agrees(text), () -> "not read in pieces:\n" + text);
    return SplitParse.read("f.yaml", text, 4, 1, true).outline() != null;
  }

  private static String services(int n) {
    StringBuilder b = new StringBuilder("name: x\nx-c: &c\n  restart: always\n  labels: {a: b}\n# note\nservices:\n");
    for (int i = 0; i < n; i++) {
      b.append("  s").append(i).append(":\n    <<: *c\n    image: \"i").append(i).append("\"\n")
          .append("    command: |\n      run ").append(i).append("\n\n      more\n# margin comment\n")
          .append("    environment: {A: '1', B: &b").append(i).append(" two}\n    labels: [*b").append(i).append("]\n");
    }
    return b.append("volumes:\n  v: {}\nx-after: *c\n").toString();
  }

  @Test
  void aLargeFileIsReadInPiecesWithTheWholeFilesTree() {
    assertTrue(outlined(services(40)));
    assertTrue(agrees(services(3).replace("volumes:", "# end\nvolumes:")));
    assertTrue(outlined("services:\n  a:\n    image: x\n  b:\n    image: y\n  c: {image: z}\n  d:\n"));
  }

  @Test
  void whatAPieceCouldReadDifferentlyIsReadWhole() {
    String base = "x: &a 1\nservices:\n  s1:\n    image: i\n  s2:\n    image: i\n  s3:\n    image: i\n";
    for (String bad : List.of(
        base.replace("  s2:\n    image: i", "  s2:\n    image: &a 2") + "y: *a\n", // redefined, used after
        base.replace("  s2:\n    image: i", "  s2:\n    image: &a 2").replace("s3:\n    image: i", "s3:\n    image: *a"),
        base.replace("s3:", "s1:"), // a duplicate service
        base.replace("  s2:\n", "  <<: {s9: {image: j}}\n  s2:\n"), // a merge key among the services
        base.replace("  s2:\n    image: i", "  s2:\n    ? k"), // an explicit key: its empty value is placed at the next token
        base.replace("    image: i\n  s2:", "    command: \"a\n  s2: b\""), // a cut inside a quoted scalar
        base.replace("    image: i\n  s2:", "    command: [a,\n  s2: b,\n  c]\n  s4:"), // ... a flow sequence
        "x: &r\n  services:\n    a: *r\n", "%YAML 1.2\n---\n" + base, "- a\n" + base,
        "x: \"\nservices:\n  a: 1\n  b: 2\n\"\n", base.replace("\n", "\r\n"), base.replace("  s2:", " s2:"),
        base + "services:\n  s4: {}\n")) {
      assertTrue(!agrees(bad), () -> "the split read took\n" + bad);
    }
  }

  /** Services whose anchors are all their own: nothing before {@code services:} defines one. */
  private static String ownAnchors(String head, int n) {
    StringBuilder b = new StringBuilder(head).append("services:\n");
    for (int i = 0; i < n; i++) {
      b.append("  s").append(i).append(":\n    image: &i").append(i).append(" \"i").append(i).append("\"\n")
          .append("    labels: {x: *i").append(i).append("}\n    x-m: &m").append(i).append(" {a: 1}\n")
          .append("    x-n: {<<: *m").append(i).append(", b: 2}\n");
    }
    return b.append("volumes:\n  v: {}\n").toString();
  }

  @Test
  void withNoAnchorBeforeServicesThePiecesAreReadBesideTheSkeleton() {
    assertTrue(outlined(ownAnchors("name: x\n", 40)));
    assertTrue(outlined(ownAnchors("", 40)));
    // A '&' before services: that defines nothing: the pieces wait for the skeleton's (empty) anchors.
    assertTrue(agrees(ownAnchors("name: \"a & b\" # & c\n", 40)));
    // Anchors before services: are read from that part alone, beside the skeleton.
    assertTrue(outlined(ownAnchors("x-a: &a 1\n", 40)));
    assertTrue(outlined(ownAnchors("x-a: &a {k: [1, &b 2]}\nx-c: &c\n  <<: *a\n  d: *b\nx-a2: &a 3\n", 40)
        .replace("labels: {x: *i5}", "labels: {x: *a, y: *b, z: *c}")));
    String plain = ownAnchors("name: x\n", 6);
    for (String bad : List.of(
        plain.replace("volumes:", "x-z: &z 1\nvolumes:").replace("labels: {x: *i3}", "labels: {x: *z}"), // defined after
        plain.replace("labels: {x: *i3}", "labels: {x: *i1}"), // defined in an earlier piece
        plain.replace("  s4:", "  s2:"), // a duplicate service
        plain.replace("name: x\n", "name: x\nx-d: {a: *i0}\n"), // an alias before services: to a later anchor
        plain.replace("name: x\n", "name: [x\n"), // a skeleton that does not read
        plain.replace("name: x\n", "name: &n [x\n"))) { // ... with an anchor
      assertTrue(!agrees(bad), () -> "the split read took\n" + bad);
    }
  }

  @Test
  void aSmallFileIsReadWhole() {
    assertNull(SplitParse.read("f.yaml", services(3), false));
    assertNotNull(SplitParse.read("f.yaml", services(2000), false));
  }

  @Test
  void everyYamlFileOfTheTestDataAgrees() throws IOException {
    int split = 0;
    int outlined = 0;
    for (String text : TestDataYaml.texts()) {
      if (agrees(text)) split++;
      SplitParse.Read r = SplitParse.read("f.yaml", text, 4, 1, true);
      if (r != null && r.outline() != null) outlined++;
    }
    assertTrue(split > 50, "only " + split + " test-data files were read in pieces");
    assertTrue(outlined > 50, "only " + outlined + " test-data files were outlined in pieces");
  }

  private static final String[] PIECES = {"services:\n", "  a:\n", "  b: ", "  c:\n", "    x: ", "    y:\n", "      - ",
      "&x ", "&y ", "*x", "*y", "<<: ", "{", "}", "[", "]", ", ", "!reset ", "\"q\n", "'", "|\n", "1", "\n", "# c\n",
      "z: ", "? ", "---\n", "\t", " "};

  /** Structure-aware: services blocks made of anchors, aliases, merge keys, tags, flow and block pieces. */
  @FuzzTest(maxDuration = "20s")
  void splitReadAgreesWithTheWholeRead(FuzzedDataProvider data) {
    agrees(TestDataYaml.fromPieces(data, PIECES, 80));
  }
}
