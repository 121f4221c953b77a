package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.ScalarNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParseTest {
  static MapNode parse(String yaml, Diagnostics d) {
    return Parse.composeFile("c.yaml", yaml.getBytes(StandardCharsets.UTF_8), d);
  }

  @Test
  void keepsPositionsOneBasedInCodePoints() {
    Diagnostics d = new Diagnostics();
    MapNode doc = parse("# caf\u00e9 \uD83D\uDE00\nservices:\n  w\u00e9b:\n    image: \"x\"\n", d);
    MapNode web = doc.getMap("services").getMap("w\u00e9b");
    assertEquals("c.yaml:3:3", doc.getMap("services").keyPosition("w\u00e9b").toString());
    assertEquals("c.yaml:4:12", web.get("image").position().toString());
    assertTrue(((ScalarNode) web.get("image")).quoted());
  }

  /** A caller that has decoded the bytes already hands the text over; the result is that of decoding them here. */
  @Test
  void aTextDecodedByTheCallerReadsAsTheBytes() {
    for (String yaml : new String[] {"\uFEFFa: 1\nb: caf\u00e9\n", "a: 1\nb: caf\u00e9\n", "\uFEFFa: [\n", "a: \uFFFD\n"}) {
      byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
      Diagnostics here = new Diagnostics();
      Diagnostics given = new Diagnostics();
      MapNode decodedHere = Parse.composeFile("c.yaml", bytes, here);
      MapNode decodedGiven = Parse.composeFile("c.yaml", bytes, new String(bytes, StandardCharsets.UTF_8), given);
      assertEquals(decodedHere, decodedGiven, yaml);
      assertEquals(here.all(), given.all(), yaml);
    }
  }

  /** The outline the loader reads beside a file (for explain) of {@code text}, or null when it gives none. */
  private static Outline outlineOf(String text, Diagnostics d) {
    Outline[] got = new Outline[1];
    Parse.composeFile("c.yaml", text.getBytes(StandardCharsets.UTF_8), text, d, o -> got[0] = o);
    return got[0];
  }

  /**
   * The outline read beside the loader's parse is the file's own (as {@link Outline#of} reads it):
   * for every YAML file of the testdata read whole (the split read's is SplitParseTest's). None for
   * a text the decoding changed or one read the careful way.
   */
  @Test
  void theOutlineReadBesideTheLoadersParseIsTheFilesOwn() throws java.io.IOException {
    int outlined = 0;
    for (String text : TestDataYaml.texts()) {
      if (text.length() >= SplitParse.MIN_CHARS) continue;
      Outline o = outlineOf(text, new Diagnostics());
      if (o == null) continue;
      outlined++;
      assertEquals(Outlines.describe(Outline.of(text)), Outlines.describe(o), () -> "outlines differ for\n" + text);
    }
    assertTrue(outlined > 100, "only " + outlined + " test-data files were outlined");
    String twoDocs = "x: &a {k: 1}\n---\nservices:\n  a:\n    <<: *b\n    image: i\nx-b: &b {l: 2}\n";
    Outline o = outlineOf(twoDocs.replace("*b", "{m: 3}"), new Diagnostics());
    assertEquals(Outlines.describe(Outline.of(twoDocs.replace("*b", "{m: 3}"))), Outlines.describe(o));
    assertEquals(2, o.documents().size());
    assertNull(outlineOf(twoDocs, new Diagnostics()), "an alias to an anchor defined after it is read the careful way");
    assertNull(outlineOf("\uFEFFa: 1\n", new Diagnostics()), "a byte order mark: the outline would not be of the text");
    assertNull(outlineOf("a: 1\na: 2\n", new Diagnostics()), "a duplicate key is reported the careful way");
  }

  @Test
  void yaml12CoreSchema() {
    Diagnostics d = new Diagnostics();
    MapNode doc = parse("a: yes\nb: true\nc: 010\nd: 0o10\ne: 1.5\nf: ~\ng: '1'\n", d);
    assertEquals(ScalarNode.Kind.STRING, doc.getScalar("a").kind());
    assertEquals(ScalarNode.Kind.BOOL, doc.getScalar("b").kind());
    assertEquals(ScalarNode.Kind.INT, doc.getScalar("c").kind());
    assertEquals(ScalarNode.Kind.INT, doc.getScalar("d").kind());
    assertEquals(ScalarNode.Kind.FLOAT, doc.getScalar("e").kind());
    assertEquals(ScalarNode.Kind.NULL, doc.getScalar("f").kind());
    assertEquals(ScalarNode.Kind.STRING, doc.getScalar("g").kind());
  }

  @Test
  void mergeKeysOwnKeysWinEarlierSourcesWin() {
    Diagnostics d = new Diagnostics();
    MapNode doc = parse("""
        x-a: &a {k: a, only_a: 1}
        x-b: &b {k: b, only_b: 2}
        m:
          <<: [*a, *b]
          own: 3
        n:
          <<: *a
          k: mine
        """, d);
    assertEquals(0, d.size(), d.all().toString());
    MapNode m = doc.getMap("m");
    assertEquals("a", m.getString("k"));
    assertEquals("2", m.getString("only_b"));
    assertEquals("3", m.getString("own"));
    assertEquals("mine", doc.getMap("n").getString("k"));
  }

  @Test
  void duplicateKeysAreAllReported() {
    Diagnostics d = new Diagnostics();
    parse("a: 1\nb: 2\na: 3\nb: 4\n", d);
    assertEquals(2, d.size());
    Diagnostic first = d.sorted().get(0);
    assertEquals("duplicate-key", first.code());
    assertEquals("c.yaml:3:1", first.position().toString());
    assertTrue(first.message().contains("first defined at line 1"));
  }

  @Test
  void composeTagsAreKept() {
    Diagnostics d = new Diagnostics();
    MapNode doc = parse("ports: !reset []\nimage: !reset null\ncmd: !override [a]\n", d);
    assertEquals("!reset", doc.get("ports").tag());
    assertEquals("!reset", doc.get("image").tag());
    assertEquals("!override", doc.get("cmd").tag());
  }

  @Test
  void limitsFailFastWithPositions() {
    Diagnostics d = new Diagnostics();
    assertNull(parse("a: " + "[".repeat(6000) + "]".repeat(6000), d));
    assertTrue(d.all().get(0).message().contains("nesting deeper than"), d.all().toString());
    Diagnostics d2 = new Diagnostics();
    assertNull(Parse.composeFile("c.yaml", new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}, d2));
    assertEquals("c.yaml:1:4", d2.all().get(0).position().toString());
    Diagnostics d3 = new Diagnostics();
    assertNull(parse("- a\n- b\n", d3));
    assertTrue(d3.all().get(0).message().contains("must be a mapping"));
    Diagnostics d4 = new Diagnostics();
    assertNull(parse("# only a comment\n", d4));
    assertTrue(d4.all().get(0).message().contains("empty compose file"));
  }

  @Test
  void syntaxErrorHasPosition() {
    Diagnostics d = new Diagnostics();
    assertNull(parse("services:\n  web:\n    image: [a\n", d));
    Diagnostic e = d.all().get(0);
    assertEquals("yaml-syntax", e.code());
    assertTrue(e.position().line() >= 3, e.toString());
  }

  @Test
  void multipleDocumentsMerge() {
    Diagnostics d = new Diagnostics();
    MapNode doc = parse("services:\n  a: {image: x}\n---\nservices:\n  b: {image: y}\n", d);
    assertEquals(2, doc.getMap("services").size(), d.all().toString());
  }
}
