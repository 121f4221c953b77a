package dev.ferry.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ObjectGraph#mentions} finds a host name with indexOf where the pattern it replaced,
 * {@code (?<![\w.-])name(?![\w-]|://|\.\w)}, would match: the two always agree.
 */
class ObjectGraphMentionsTest {
  private static final String ALPHABET = "ab.-:/_ 9é";

  private static boolean byPattern(String text, String name) {
    return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-]|://|\\.\\w)").matcher(text).find();
  }

  private static void agrees(String text, String name) {
    assertEquals(byPattern(text, name), ObjectGraph.mentions(text, name), () -> "\"" + name + "\" in \"" + text + "\"");
  }

  @Test
  void everyShortTextAgreesWithThePattern() {
    int k = ALPHABET.length();
    for (int len = 0; len <= 4; len++) {
      int count = (int) Math.pow(k, len);
      for (int i = 0; i < count; i++) {
        StringBuilder t = new StringBuilder();
        for (int j = 0, v = i; j < len; j++, v /= k) t.append(ALPHABET.charAt(v % k));
        agrees(t.toString(), "ab");
        agrees(t.toString(), "a");
        agrees(t + "ab" + t, "ab");
      }
    }
  }

  @Test
  void hostsInUrlsAndCommands() {
    agrees("http://db:5432/x", "db");
    agrees("db://x", "db");
    agrees("db.example.com", "db");
    agrees("db. next", "db");
    agrees("my-db db2 db_x", "db");
    agrees("--host=db", "db");
    agrees("redis redis", "redis");
  }

  @FuzzTest(maxDuration = "10s")
  void agreesOnAnyText(FuzzedDataProvider data) {
    String name = data.consumeAsciiString(6);
    if (name.isEmpty()) return;
    agrees(data.consumeRemainingAsString(), name);
  }
}
