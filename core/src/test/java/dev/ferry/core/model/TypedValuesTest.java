package dev.ferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The values the loader parses once: restart policies, namespace modes, mount types, protocols. */
class TypedValuesTest {
  @Test
  void restartPoliciesAreDockers() {
    assertEquals(Restart.Policy.NO, Restart.parse("no").policy());
    assertEquals(Restart.Policy.UNLESS_STOPPED, Restart.parse("unless-stopped").policy());
    Restart r = Restart.parse("on-failure:5");
    assertEquals(Restart.Policy.ON_FAILURE, r.policy());
    assertEquals(5, r.maxRetries());
    assertEquals("on-failure:5", r.written());
    assertTrue(r.stopsOnSuccess());
    assertTrue(Restart.parse("no").stopsOnSuccess());
    assertFalse(Restart.parse("always").stopsOnSuccess());
    for (String bad : new String[] {"none", "false", "Always", "always:3", "on-failure:", "on-failure:x", "no:1", " no"}) {
      assertNull(Restart.parse(bad), bad);
    }
  }

  @Test
  void namespaceModesKeepTheirText() {
    for (String text : new String[] {"host", "none", "service:db", "container:abc", "bridge", "shareable"}) {
      assertEquals(text, NamespaceMode.parse(text).written());
    }
    assertEquals("db", NamespaceMode.service(NamespaceMode.parse("service:db")));
    assertNull(NamespaceMode.service(NamespaceMode.parse("container:db")));
    assertTrue(NamespaceMode.parse("host") instanceof NamespaceMode.Host);
    assertTrue(NamespaceMode.parse("bridge") instanceof NamespaceMode.Named);
    assertNull(NamespaceMode.parse(null));
  }

  @Test
  void mountTypesAndProtocolsAsComposeSpellsThem() {
    for (MountType t : MountType.values()) assertEquals(t, MountType.parse(t.compose()));
    assertNull(MountType.parse("BIND"));
    assertEquals(Protocol.UDP, Protocol.parse("UDP"));
    assertEquals("sctp", Protocol.parse("Sctp").compose());
    assertEquals("TCP", Protocol.parse("tcp").kube());
    assertNull(Protocol.parse("http"));
  }
}
