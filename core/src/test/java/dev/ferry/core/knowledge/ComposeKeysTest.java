package dev.ferry.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.knowledge.ComposeKeys.Key;
import dev.ferry.core.knowledge.ComposeKeys.Treatment;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The compose-key catalogue is true to the mappers: every key it calls mapped or approximated is the source of some
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
      if (translated(k) && !linked.contains(k.name()) && !NEVER_A_SOURCE.containsKey(k.name())) {
        unlinked.add(k.name());
      }
    }
    for (Key k : ComposeKeys.DEPLOY) {
      if (translated(k) && !linked.contains("deploy." + k.name())) unlinked.add("deploy." + k.name());
    }
    assertEquals(List.of(), unlinked, "keys the catalogue calls mapped that no conversion case links to an emitted field");
    assertTrue(linked.size() > 40, "provenance links found for only " + linked);
    for (String k : NEVER_A_SOURCE.keySet()) {
      assertTrue(translated(ComposeKeys.service(k)), k);
      assertTrue(!linked.contains(k), k + " is now the source of a field: take it off NEVER_A_SOURCE");
    }
  }

  /**
   * Every key the catalogue calls approximated names the findings that say what changes, and each of
   * them is true: some conversion case reports that finding under that key (between the key's line
   * and the service's next key), so the catalogue cannot promise a finding the translation never gives.
   */
  @Test
  void everyFindingOfAnApproximatedKeyIsReportedUnderItInSomeCase() throws IOException {
    Set<String> seen = new TreeSet<>(); // "key finding", deploy keys as "deploy.key finding"
    for (Path dir : Cases.all()) {
      Cases.Converted c = Cases.convert(dir);
      SourceMap sm = c.load().sourceMap();
      for (Diagnostic d : c.translation().diagnostics()) {
        // the service whose key holds the finding (a link alias is reported for the target service
        // at the linking service's links entry)
        Service s = null;
        String key = null;
        Position keyAt = null;
        for (Service candidate : c.load().project().services().values()) {
          ModelPath svc = ModelPath.of("services", candidate.name());
          String k = under(sm, svc, candidate.node().keys(), d.position());
          if (k != null && (keyAt == null || sm.position(svc.key(k)).compareTo(keyAt) > 0)) {
            s = candidate;
            key = k;
            keyAt = sm.position(svc.key(k));
          }
        }
        if (key == null) continue;
        seen.add(key + " " + d.code());
        if (key.equals("deploy") && s.node().get("deploy") instanceof MapNode dep) {
          String dk = under(sm, ModelPath.of("services", s.name(), "deploy"), dep.keys(), d.position());
          if (dk != null) seen.add("deploy." + dk + " " + d.code());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    int approximated = 0;
    for (List<Key> table : List.of(ComposeKeys.SERVICE, ComposeKeys.DEPLOY)) {
      for (Key k : table) {
        if (k.treatment() != Treatment.APPROXIMATED) {
          continue;
        }
        approximated++;
        assertTrue(!k.findings().isEmpty(), k.name() + " is approximated but names no finding");
        String name = table == ComposeKeys.DEPLOY ? "deploy." + k.name() : k.name();
        for (String f : k.findings()) {
          if (!seen.contains(name + " " + f)) missing.add(name + " " + f);
        }
      }
    }
    assertEquals(List.of(), missing, "approximated keys whose finding no conversion case reports under the key");
    assertTrue(approximated >= 10, "only " + approximated + " approximated keys");
  }

  private static boolean translated(Key k) {
    return k.treatment() == Treatment.MAPPED || k.treatment() == Treatment.APPROXIMATED;
  }

  /** The key of {@code keys} (children of {@code parent}) whose entry holds {@code at}: the last one at or before it. */
  private static String under(SourceMap sm, ModelPath parent, Collection<String> keys, Position at) {
    String best = null;
    Position bestAt = null;
    for (String k : keys) {
      Position p = sm.position(parent.key(k));
      if (!p.file().equals(at.file()) || p.compareTo(at) > 0) continue;
      if (bestAt == null || p.compareTo(bestAt) > 0) {
        best = k;
        bestAt = p;
      }
    }
    return best;
  }
}
