package dev.ferry.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.knowledge.ComposeKeys.Key;
import dev.ferry.core.knowledge.ComposeKeys.Treatment;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The compose-key catalogue is true to the mappers: every key it calls mapped is the source of some
 * emitted field (a provenance link from {@code services.<svc>.<key>}, or {@code
 * services.<svc>.deploy.<key>}) in some conversion case of testdata/convert, so a key cannot be
 * listed as mapped while no mapper reads it, and every mapped key has a golden case that shows it.
 */
class ComposeKeysTest {
  /**
   * Mapped keys that are never the source of a field, with the reason; the test fails when one of
   * them gains a link (then it leaves this list).
   */
  private static final Map<String, String> NEVER_A_SOURCE = Map.of(
      "provider", "nothing is emitted for a provider service; the envFrom its dependants get is linked from their"
          + " depends_on entry (testdata/convert/provider)");

  @Test
  void everyMappedKeyIsTheSourceOfAFieldInSomeCase() throws IOException {
    Set<String> linked = new TreeSet<>();
    for (Path dir : Cases.all()) {
      for (Provenance.Link l : Cases.convert(dir).translation().provenance().links()) {
        ModelPath p = l.source();
        if (p == null || p.size() < 3 || !"services".equals(p.get(0)) || !(p.get(2) instanceof String k)) continue;
        linked.add(k);
        if (k.equals("deploy") && p.size() >= 4 && p.get(3) instanceof String d) linked.add("deploy." + d);
      }
    }
    List<String> unlinked = new ArrayList<>();
    for (Key k : ComposeKeys.SERVICE) {
      if (k.treatment() == Treatment.MAPPED && !linked.contains(k.name()) && !NEVER_A_SOURCE.containsKey(k.name())) {
        unlinked.add(k.name());
      }
    }
    for (Key k : ComposeKeys.DEPLOY) {
      if (k.treatment() == Treatment.MAPPED && !linked.contains("deploy." + k.name())) unlinked.add("deploy." + k.name());
    }
    assertEquals(List.of(), unlinked, "keys the catalogue calls mapped that no conversion case links to an emitted field");
    assertTrue(linked.size() > 40, "provenance links found for only " + linked);
    for (String k : NEVER_A_SOURCE.keySet()) {
      assertEquals(Treatment.MAPPED, ComposeKeys.service(k).treatment(), k);
      assertTrue(!linked.contains(k), k + " is now the source of a field: take it off NEVER_A_SOURCE");
    }
  }
}
