package dev.ferry.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CoreSchema#kindOf} answers "string" from the first character where it can: always what its patterns answer. */
class CoreSchemaTest {
  private static void agrees(String v) {
    assertEquals(CoreSchema.byPatterns(v), CoreSchema.kindOf(v), () -> "kind of \"" + v + "\"");
  }

  @Test
  void firstCharacterShortcutAgreesWithThePatterns() {
    List<String> values = new ArrayList<>(List.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
        "False", "FALSE", "0", "-1", "+2", "010", "0o17", "0x1F", "1.5", ".5", "-.5", "1e3", ".inf", "-.Inf", "+.INF",
        ".NaN", ".nan", "info", "yes", "on", "Off", "image", "8080:80", "10s", "1.0.0"));
    for (char c = 0; c < 512; c++) {
      values.add(String.valueOf(c));
      values.add(c + "1");
      values.add(c + "rue");
      values.add(c + "alse");
      values.add(c + "ull");
      values.add(c + "inf");
      values.add(c + "nan");
      values.add(c + ".5");
    }
    for (String v : values) agrees(v);
  }

  @FuzzTest(maxDuration = "10s")
  void sameKindAsThePatterns(FuzzedDataProvider data) {
    agrees(data.consumeRemainingAsString());
  }
}
