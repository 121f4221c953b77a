package dev.ferry.core.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link Placeholders#json} writes values itself where it can: always the text Jackson writes. */
class PlaceholdersJsonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @FuzzTest(maxDuration = "10s")
  void sameTextAsJackson(FuzzedDataProvider data) {
    JsonNode v = value(data, 0);
    assertEquals(JSON.writeValueAsString(v), Placeholders.json(v));
  }

  private static JsonNode value(FuzzedDataProvider data, int depth) {
    switch (data.consumeInt(0, depth > 3 ? 6 : 8)) {
      case 0: return F.stringNode(data.consumeString(20));
      case 1: return F.stringNode(data.pickValue(new String[] {"", "a\"b", "c\\d", "\u00e9\u2028", "\t\n\u0001", "\ud83d\ude00", "{{x}}"}));
      case 2: return F.numberNode(data.consumeInt());
      case 3: return F.numberNode(data.consumeLong());
      case 4: return F.numberNode(data.consumeDouble());
      case 5: return F.booleanNode(data.consumeBoolean());
      case 6: return F.nullNode();
      case 7: {
        ObjectNode o = F.objectNode();
        for (int i = data.consumeInt(0, 4); i > 0; i--) o.set(data.consumeString(6), value(data, depth + 1));
        return o;
      }
      default: {
        ArrayNode a = F.arrayNode();
        for (int i = data.consumeInt(0, 4); i > 0; i--) a.add(value(data, depth + 1));
        return a;
      }
    }
  }
}
