package dev.ferry.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.emit.SafeFile;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --html} writes its page as it is made, in whole lines, and a failure part way leaves no file. */
class HtmlReportStreamTest {
  @Test
  void pageIsWrittenInPiecesOfWholeLinesWithTheGlossaryOfAllOfThem() throws IOException {
    ExplainTruthTest.Case c = ExplainTruthTest.Case.of(ExplainTruthTest.VOTING);
    List<String> pieces = new ArrayList<>();
    HtmlReport.render(c.e(), "voting", new Writer() {
      @Override public void write(char[] buf, int off, int len) {
        pieces.add(new String(buf, off, len));
      }

      @Override public void write(String s) {
        pieces.add(s);
      }

      @Override public void flush() {}

      @Override public void close() {}
    });
    assertTrue(pieces.size() > 2, "written as it is made: " + pieces.size() + " pieces");
    for (String p : pieces) assertTrue(p.endsWith("\n"), "a piece of whole lines");
    String page = String.join("", pieces);
    assertEquals(HtmlReport.render(c.e(), "voting"), page);
    int glossary = page.indexOf("<section id=\"glossary\">");
    assertTrue(glossary > 0);
    List<Glossary.Term> used = Glossary.used(page.substring(0, glossary));
    assertTrue(used.size() > 3, used.toString());
    for (Glossary.Term t : Glossary.TERMS) {
      assertEquals(used.contains(t), page.contains("<dt id=\"" + t.id() + "\">"), t.name());
    }
  }

  @Test
  void failureMidPageLeavesNoFile(@TempDir Path tmp) throws Exception {
    ExplainTruthTest.Case c = ExplainTruthTest.Case.of(ExplainTruthTest.VOTING);
    int size = HtmlReport.render(c.e(), "voting").length();
    Path target = tmp.resolve("report.html");
    long[] onDisk = {0};
    IOException e = assertThrows(IOException.class, () -> SafeFile.stream(target, true, w -> HtmlReport.render(c.e(), "voting",
        new FilterWriter(w) {
          int n;

          @Override public void write(String s, int off, int len) throws IOException {
            if (n + len > size / 2) {
              out.flush();
              try (Stream<Path> s2 = Files.list(tmp)) {
                onDisk[0] = s2.mapToLong(p -> p.toFile().length()).sum();
              }
              throw new IOException("No space left on device");
            }
            n += len;
            super.write(s, off, len);
          }
        })));
    assertEquals("No space left on device", e.getMessage());
    assertTrue(onDisk[0] > 0, "part of the page was on disk when the write failed");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.toList(), "no report, no temporary file");
    }
  }
}
