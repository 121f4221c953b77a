package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.Position;
import dev.ferry.rules.api.Finding;
import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.rules.report.Format;
import dev.ferry.rules.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Work spread over the cores comes back in input order, fails as a sequential run would, and the
 * report formats written slice by slice are the bytes of writing them whole.
 */
class OnEveryCoreTest {
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Test
  void resultsComeInItemOrderWhateverThreadComputedThem() {
    List<Integer> items = IntStream.range(0, 20_000).boxed().toList();
    assertEquals(items.stream().map(i -> i * 3).toList(), OnEveryCore.map(items, i -> {
      if (i % 97 == 0) Thread.yield(); // uneven item costs
      return i * 3;
    }));
    List<Integer> seen = new ArrayList<>();
    OnEveryCore.forEachInOrder(items, i -> i + 1, seen::add);
    assertEquals(items.stream().map(i -> i + 1).toList(), seen);
  }

  @Test
  void theFirstThrowInItemOrderIsRethrownAsThrown() {
    List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnEveryCore.map(items, i -> {
      if (i == 700) throw new IllegalStateException("item 700");
      if (i == 300) throw new IllegalStateException("item 300");
      return i;
    }));
    assertEquals("item 300", e.getMessage());
    assertThrows(StackOverflowError.class, () -> OnEveryCore.map(items, i -> {
      if (i == 10) throw new StackOverflowError();
      return i;
    }));
  }

  @Test
  void slicedJsonAndSarifAreWhatJacksonWritesForTheWholeTree() throws Exception {
    Report r = bigReport(5_000); // three slices
    for (Format f : List.of(Format.json, Format.sarif)) {
      String written = f.render(r, false, "0.1.0");
      assertEquals(PRETTY.writeValueAsString(PRETTY.readTree(written)) + "\n", written, f + " differs");
    }
    Report none = new Report(List.of(), Map.of(), 1);
    assertEquals(PRETTY.writeValueAsString(PRETTY.readTree(Format.json.render(none, false, "0.1.0"))) + "\n",
        Format.json.render(none, false, "0.1.0"));
  }

  @Test
  void slicedTextIsTheFramesOfAnyCutInOrder() {
    Report r = bigReport(5_000);
    String text = Format.text.render(r, false, "0.1.0");
    StringBuilder expected = new StringBuilder();
    for (int from = 0; from < 5_000; from += 999) { // cuts that are not the slices' cuts
      List<Finding> part = r.findings().subList(from, Math.min(5_000, from + 999));
      String one = Format.text.render(new Report(part, r.texts(), 1), false, "0.1.0");
      expected.append(one, 0, one.lastIndexOf("ferry lint: "));
    }
    assertEquals(expected + "ferry lint: 5000 findings (1667 errors, 1667 warnings, 1666 info) in 1 project\n", text);
  }

  private static Report bigReport(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) text.append("  k").append(i).append(": \"v\u00e9\t\u202e\"\n");
    List<Finding> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Severity s = Severity.values()[i % 3];
      fs.add(new Finding("rule-" + (i % 7), s, "message " + i + (i % 5 == 0 ? " with \"quotes\",\n a \u001b[2J line break and \u00fc" : ""),
          Position.of("compose.yaml", i + 1, 3), i % 4 == 0 ? null : "svc" + i, i % 6 == 0 ? null : "do this"));
    }
    return new Report(fs, Map.of("compose.yaml", text.toString()), 1);
  }
}
