package dev.ferry.core.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An object's text and index made compact ({@link ObjectText#compacted}) answers every lookup as the
 * {@link LineIndex} it replaced: its lines, entries (paths, lines, columns, last lines), the entry
 * (and the lines of the entry) at a path, the first entry at a line and the entries covering a line.
 */
class ObjectTextTest {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          app.kubernetes.io/name: web
          "odd.key/x": "1"
      spec:
        template:
          spec:
            containers:
            - name: web
              command:
              - sh
              - -c
              - |
                echo one
                echo two

              env:
              - name: A
                value: "x: y"
              ports:
              - containerPort: 80
            - name: side
              args: [a, b]
            volumes:
            - name: data
              emptyDir: {}
      """;

  @Test
  void aManifestAsItsIndexGivesIt() {
    assertSame(DEPLOYMENT);
    assertSame(DEPLOYMENT.stripTrailing()); // no line break at the end
    assertSame("");
    assertSame("\n");
    assertSame("a: 1\n# a comment\n\nb:\n  - [1, 2]\n  - {c: d}\n");
    assertSame("- a\n- - b\n  - c\n- d: e\n  f: g\n");
    assertSame("a: 1\na: 2\nb:\n  a: 3\n"); // a key twice: the first is the one found by path
    assertSame("a: 1\n---\nb: 2\n"); // two documents: kept as the index is
    assertSame("not: [valid\n");
  }

  @Test
  void randomBlockTexts() {
    Random r = new Random(8);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      block(b, r, 0, "");
      assertSame(b.toString());
    }
  }

  @FuzzTest(maxDuration = "20s")
  void anyText(FuzzedDataProvider data) {
    assertSame(data.consumeString(4_096));
  }

  /** A random block mapping or sequence, nested a few levels. */
  private static void block(StringBuilder b, Random r, int depth, String indent) {
    int n = 1 + r.nextInt(4);
    boolean list = r.nextBoolean();
    for (int i = 0; i < n; i++) {
      b.append(indent).append(list ? "- " : "k" + r.nextInt(3) + ": ");
      int what = depth >= 3 ? r.nextInt(3) : r.nextInt(6);
      switch (what) {
        case 0 -> b.append("v").append(i).append('\n');
        case 1 -> b.append("|\n").append(indent).append("  one\n\n").append(indent).append("  two\n");
        case 2 -> b.append("[x, {y: z}]\n# note\n");
        default -> {
          b.append('\n');
          block(b, r, depth + 1, indent + "  ");
        }
      }
    }
  }

  private static void assertSame(String text) {
    LineIndex ix = LineIndex.of(text);
    ObjectText whole = new ObjectText(text, ix);
    ObjectText t = ObjectText.compacted(text, ix);
    assertEquals(text, t.text());
    assertEquals(ix.lineCount(), t.lineCount(), text);
    for (int n = -1; n <= ix.lineCount() + 2; n++) {
      assertEquals(ix.line(n), t.line(n), text);
      assertEquals(ix.firstAt(n), t.firstAt(n), text);
      for (int size = 1; size <= 3; size++) assertEquals(covering(ix, n, size), t.containing(n, size), text);
    }
    assertEquals(ix.entries(), t.entries(), text);
    List<ModelPath> paths = new ArrayList<>();
    for (LineIndex.Entry e : ix.entries()) paths.add(e.path());
    paths.add(ModelPath.of("nowhere"));
    paths.add(ModelPath.ROOT);
    for (ModelPath p : paths) {
      assertEquals(ix.entry(0, p), t.entry(0, p), text);
      assertEquals(ix.find(p), t.find(p), text);
      assertEquals(ix.entry(1, p), t.entry(1, p), text);
      LineIndex.Entry e = ix.entry(0, p); // the lines of the entry at a path, compact or not, without the entry
      String expected = e == null ? "null" : e.line() + "-" + e.endLine();
      assertEquals(expected, lines(whole.lines(p)), text);
      assertEquals(expected, lines(t.lines(p)), text);
    }
    assertTrue(t.entries().size() == ix.entries().size());
  }

  private static String lines(int[] l) {
    return l == null ? "null" : l[0] + "-" + l[1];
  }

  private static List<LineIndex.Entry> covering(LineIndex ix, int line, int size) {
    List<LineIndex.Entry> out = new ArrayList<>();
    for (LineIndex.Entry e : ix.entries()) if (e.path().size() == size && e.contains(line)) out.add(e);
    return out;
  }
}
