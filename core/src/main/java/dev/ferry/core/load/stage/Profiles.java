package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Profiles: a service without {@code profiles} is always on; one with profiles is on when one of
 * them is active ({@code *} activates all). Disabled services are removed; a dependency of an
 * enabled service on a disabled one is dropped with a warning.
 */
public final class Profiles {
  private Profiles() {}

  public static MapNode apply(MapNode doc, List<String> active, Diagnostics diags) {
    MapNode services = doc.getMap("services");
    if (services == null) return doc;
    Set<String> disabled = new HashSet<>();
    for (MapNode.Entry e : services.entries()) {
      if (!(e.value() instanceof MapNode s) || !(s.get("profiles") instanceof SeqNode ps) || ps.size() == 0) continue;
      boolean on = active.contains("*");
      for (Node p : ps.items()) if (p instanceof ScalarNode sc && active.contains(sc.asString())) on = true;
      if (!on) disabled.add(e.key());
    }
    if (disabled.isEmpty()) return doc;
    MapNode kept = services.mapValues((e, v) -> disabled.contains(e.key()) ? null : v);
    kept = ServiceBatches.mapValues(kept, diags, d -> (e, v) -> v instanceof MapNode s ? dropDeps(s, disabled, d) : v);
    return doc.with("services", kept);
  }

  private static MapNode dropDeps(MapNode s, Set<String> disabled, Diagnostics diags) {
    Node deps = s.get("depends_on");
    if (deps instanceof MapNode m) {
      MapNode r = m.mapValues((e, v) -> {
        if (!disabled.contains(e.key())) return v;
        diags.warning("schema", e.keyPosition(), "depends on \"" + e.key() + "\", which no active profile enables; the dependency is ignored");
        return null;
      });
      return s.with("depends_on", r);
    }
    if (deps instanceof SeqNode q) {
      List<Node> items = new ArrayList<>();
      for (Node i : q.items()) {
        if (i instanceof ScalarNode sc && disabled.contains(sc.asString())) {
          diags.warning("schema", sc.position(), "depends on \"" + sc.asString() + "\", which no active profile enables; the dependency is ignored");
        } else {
          items.add(i);
        }
      }
      return s.with("depends_on", q.withItems(items));
    }
    return s;
  }
}
