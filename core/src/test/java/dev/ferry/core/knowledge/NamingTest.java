package dev.ferry.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Service names: what is an RFC 1035 label, and how any compose name becomes one. */
class NamingTest {
  @Test
  void labels() {
    assertTrue(Naming.isLabel("web"));
    assertTrue(Naming.isLabel("a-b-1"));
    assertTrue(Naming.isLabel("a".repeat(63)));
    assertFalse(Naming.isLabel("a".repeat(64)));
    assertFalse(Naming.isLabel("a-"));
    assertFalse(Naming.isLabel("1a"));
    assertFalse(Naming.isLabel("my_app"));
    assertFalse(Naming.isLabel("Web"));
    assertFalse(Naming.isLabel(""));
  }

  @Test
  void sanitizedNamesAreLabels() {
    assertEquals("my-app-web", Naming.sanitize("My_App.Web"));
    assertEquals("a-b", Naming.sanitize("a  b"));
    assertEquals("abc", Naming.sanitize("123abc"));
    assertEquals("abc", Naming.sanitize("-1-abc"));
    assertEquals("a-b", Naming.sanitize("a--__b--"));
    assertEquals("svc", Naming.sanitize("---"));
    assertEquals("svc", Naming.sanitize("42"));
    assertEquals("ncode-x", Naming.sanitize("Ünïcode x"));
    assertEquals("a".repeat(62), Naming.sanitize("a".repeat(62) + "-b"));
    for (String s : new String[] {"My_App.Web", "123abc", "---", "a".repeat(200), "x.y_z w"}) {
      assertTrue(Naming.isLabel(Naming.sanitize(s)), s);
    }
  }
}
