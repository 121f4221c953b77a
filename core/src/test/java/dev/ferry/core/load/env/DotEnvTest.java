package dev.ferry.core.load.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** .env and env_file syntax as compose reads it. */
class DotEnvTest {
  private static Map<String, String> parse(String text) {
    DotEnv.Result r = DotEnv.parse(text, Map.of("HOME_DIR", "/home/x")::get);
    assertEquals(List.of(), r.problems());
    return r.values();
  }

  @Test
  void plainQuotedExportCommentsAndMultiLine() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("A", "1");
    expected.put("B", "two words");
    expected.put("C", "single $HOME_DIR");
    expected.put("D", "double /home/x");
    expected.put("E", "with # hash");
    expected.put("F", "value");
    expected.put("G", "line1\nline2");
    expected.put("H", "");
    expected.put("I", "a\tb");
    assertEquals(expected, parse("""
        # a comment
        A=1
        B="two words"
        C='single $HOME_DIR'
        D="double ${HOME_DIR}"
        E="with # hash"
        export F=value # trailing comment

        G="line1
        line2"
        H=
        I="a\\tb"
        """));
  }

  @Test
  void invalidLinesAreProblemsWithPositions() {
    DotEnv.Result r = DotEnv.parse("OK=1\nNOT A LINE\n", k -> null);
    assertEquals(Map.of("OK", "1"), r.values());
    assertEquals(1, r.problems().size());
    assertEquals(2, r.problems().get(0).line());
    assertTrue(r.problems().get(0).column() >= 1);
  }

  /** Property: any text parses to values and problems, never an exception; problems have positions. */
  @FuzzTest(maxDuration = "10s")
  void neverThrows(String s) {
    if (s == null) return;
    DotEnv.Result r = DotEnv.parse(s, k -> null);
    for (DotEnv.Problem p : r.problems()) assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
    DotEnv.Result raw = DotEnv.parseRaw(s);
    for (DotEnv.Problem p : raw.problems()) assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
    for (Map.Entry<String, String> e : raw.values().entrySet()) {
      assertTrue(!e.getKey().isEmpty() && !e.getValue().contains("\n"), "raw values are single lines: " + e);
    }
  }

  @Test
  void rawFormatTakesValuesLiterally() {
    DotEnv.Result r = DotEnv.parseRaw("# comment\nA=\"quoted $HOME_DIR\"  # not a comment\n\nB=x=y\r\nC=\n  D=1\n");
    assertEquals(List.of(), r.problems());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("A", "\"quoted $HOME_DIR\"  # not a comment");
    expected.put("B", "x=y");
    expected.put("C", "");
    expected.put("D", "1");
    assertEquals(expected, r.values());
    DotEnv.Result bad = DotEnv.parseRaw("OK=1\nnot a key=2\n");
    assertEquals(List.of(new DotEnv.Problem(2, 1, "invalid line: expected KEY=VALUE")), bad.problems());
  }
}
