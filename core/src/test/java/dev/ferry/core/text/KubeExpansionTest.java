package dev.ferry.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeExpansionTest {
  /**
   * The kubelet's expansion of command, args and env values, as Kubernetes documents and
   * implements it (third_party/forked/golang/expansion): {@code $$} is one {@code $};
   * {@code $(NAME)} is NAME's value when defined, else left as written; any other {@code $} stays.
   */
  static String kubelet(String in, Map<String, String> vars) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < in.length()) {
      char c = in.charAt(i);
      if (c != '$' || i + 1 >= in.length()) {
        b.append(c);
        i++;
        continue;
      }
      char n = in.charAt(i + 1);
      if (n == '$') {
        b.append('$');
        i += 2;
      } else if (n == '(') {
        int close = in.indexOf(')', i + 2);
        if (close < 0) {
          b.append("$(");
          i += 2;
        } else {
          String name = in.substring(i + 2, close);
          b.append(vars.containsKey(name) ? vars.get(name) : "$(" + name + ")");
          i = close + 1;
        }
      } else {
        b.append('$').append(n);
        i += 2;
      }
    }
    return b.toString();
  }

  @Test
  void examples() {
    assertEquals("echo $$(date)", KubeExpansion.escape("echo $(date)"));
    assertEquals("$HOME and $$$ and $", KubeExpansion.escape("$HOME and $$ and $"));
    assertEquals("no dollars", KubeExpansion.escape("no dollars"));
    Map<String, String> vars = Map.of("FOO", "x", "date", "now");
    assertEquals("echo $(date) $(FOO) $$", kubelet(KubeExpansion.escape("echo $(date) $(FOO) $$"), vars));
  }

  /** Property: whatever the string and whatever env vars the container defines, the kubelet gives back the compose string. */
  @FuzzTest(maxDuration = "10s")
  void kubeletRestoresTheComposeString(String s, String name) {
    if (s == null || name == null) return;
    Map<String, String> vars = Map.of(name, "VALUE", "FOO", "foo", "", "empty");
    assertEquals(s, kubelet(KubeExpansion.escape(s), vars));
  }
}
