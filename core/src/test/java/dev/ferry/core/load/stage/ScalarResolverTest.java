package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Parse answers most plain scalars "string" from their first character, or a character no pattern
 * holds, without snakeyaml-engine's regular expressions: it must give the same tag as
 * snakeyaml-engine's core resolver for every value, except {@code <<}, which stays a string (merge
 * keys are Parse's); and an integer the kind the core schema's patterns give it.
 */
class ScalarResolverTest {
  private static final ScalarResolver CORE = new CoreScalarResolver(true);

  private static void agrees(String value) {
    for (boolean implicit : new boolean[] {true, false}) {
      Tag expected = implicit && "<<".equals(value) ? Tag.STR : CORE.resolve(value, implicit);
      assertEquals(expected, YamlSchema.resolver().resolve(value, implicit), () -> "tag of \"" + value + "\"");
    }
  }

  @Test
  void sameTagAsSnakeyamlForEveryFirstCharacterAndTheTrickyValues() {
    List<String> values = new ArrayList<>(List.of("", "<<", "<", "~", "null", "Null", "NULL", "nul", "true",
        "True", "TRUE", "tru", "false", "False", "FALSE", "0", "-1", "+2", "010", "0o17", "0x1F", "0xg", "1.5",
        ".5", "-.5", "1e3", ".inf", "-.Inf", ".NaN", ".nan", "$X", "${A:-b}", "$", "+", "-", ".", "n", "yes",
        "on", "image: x", "8080:80", "10s", " ", "\0", "é", "\uD83D\uDE00"));
    for (char c = 0; c < 256; c++) {
      values.add(String.valueOf(c));
      values.add(c + "rest");
      values.add(c + "1");
    }
    for (char c = 0; c < 256; c++) {
      for (String v : List.of("1" + c, "1" + c + "1", "-" + c + "1", "." + c, ".5" + c, "0x" + c, "0o" + c, "t" + c + "ue",
          "nu" + c + "l", "." + c + "nf", "1e" + c + "3", "$" + c, "~" + c, " " + c, "N" + c + "LL")) {
        values.add(v);
      }
    }
    values.addAll(List.of("1.0.0", "1.0.0-rc", "0x1Fg", "1_000", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "0o777777777777777777777777", "0x7FFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFF"));
    for (String v : values) agrees(v);
    for (String v : values) intsKeepTheirKind(v);
  }

  /** An INT-tagged value gets the kind {@link CoreSchema#kindOf} gives it (a long, or a float when too large). */
  private static void intsKeepTheirKind(String v) {
    if (!Tag.INT.equals(CORE.resolve(v, true))) return;
    ScalarNode.Kind k = CoreSchema.kindOf(v);
    assertEquals(k == ScalarNode.Kind.FLOAT ? k : ScalarNode.Kind.INT, TreeBuilder.intOrFloat(v), () -> "kind of " + v);
  }

  @FuzzTest(maxDuration = "10s")
  void sameTagAsSnakeyaml(FuzzedDataProvider data) {
    String v = data.consumeRemainingAsString();
    agrees(v);
    intsKeepTheirKind(v);
  }
}
