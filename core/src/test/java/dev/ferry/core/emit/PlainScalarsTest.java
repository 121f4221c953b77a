package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quoting rule on the strings the issue names, both ways, and on a 1 MB value. */
class PlainScalarsTest {
  static final List<String> TRICKY = List.of("0x1F", "1_000", "12:00", "0o17", "0b101", "190:20:30.15", "=", "<<",
      "y", "Y", "n", "N", "yes", "No", "on", "OFF", "true", "False", "null", "~", "", ".inf", "-.Inf", ".NaN", "1e5",
      "1.5e-3", "007", "-12", "+3", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      "_1", "1:2:3", "0.5", ".5", "6.", "-0x1f");

  @Test
  void trickyStringsAreQuotedAndReadBackAsStrings() {
    for (String s : TRICKY) {
      assertTrue(PlainScalars.resolvesToNonString(s), s);
      roundTrips(s);
    }
  }

  @Test
  void ordinaryStringsStayPlain() {
    for (String s : List.of("hello", "1.2.3", "10.0.0.5", "9090-9091", "nginx", "v1", "0x", "a:b", "yess",
        "onion", "_", "1.4.0", "2024-01-01x")) {
      assertFalse(PlainScalars.resolvesToNonString(s), s);
      assertEquals("k: " + s + "\n", Yaml.write(Map.of("k", s)), s);
      roundTrips(s);
    }
  }

  @Test
  void aOneMegabyteValueIsClassifiedInOnePassAndReadsBack() {
    StringBuilder sexagesimal = new StringBuilder("1");
    while (sexagesimal.length() < 1_000_000) sexagesimal.append(":30");
    StringBuilder digits = new StringBuilder();
    while (digits.length() < 1_000_000) digits.append("1234567890_");
    StringBuilder words = new StringBuilder();
    while (words.length() < 1_000_000) words.append("a:b ");
    assertTrue(PlainScalars.resolvesToNonString(digits.toString()));
    assertFalse(PlainScalars.resolvesToNonString(words.toString()));
    assertTrue(Yaml.write(Map.of("k", digits.toString())).startsWith("k: \"1234567890_"));
    String text = Yaml.write(Map.of("k", sexagesimal.toString()));
    assertEquals(sexagesimal.toString(), ((Map<?, ?>) YamlReaders.yaml11(text).get(0)).get("k"));
    assertEquals(sexagesimal.toString(), ((Map<?, ?>) YamlReaders.yaml12(text).get(0)).get("k"));
  }

  /** Written as a value and as a key, read back identical through both readers. */
  static void roundTrips(String s) {
    String text = Yaml.write(Map.of("k", s, "list", List.of(s), "m", Map.of(s.isEmpty() ? "empty" : s, s)));
    for (Object doc : List.of(YamlReaders.yaml11(text).get(0), YamlReaders.yaml12(text).get(0))) {
      Map<?, ?> m = (Map<?, ?>) doc;
      assertEquals(s, m.get("k"), () -> "value " + s + " in\n" + text);
      assertEquals(List.of(s), m.get("list"), () -> "list item " + s);
      Map<?, ?> inner = (Map<?, ?>) m.get("m");
      assertEquals(s, inner.get(s.isEmpty() ? "empty" : s), () -> "key " + s + " in\n" + text);
    }
  }
}
