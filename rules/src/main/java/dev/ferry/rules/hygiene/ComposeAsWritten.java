package dev.ferry.rules.hygiene;

import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compose files as written, for style rules: each file's own services and the entries a
 * mapping really spells out (keys pulled in through a {@code <<} merge or an alias live where the
 * anchor is, and are checked there, once).
 */
final class ComposeAsWritten {
  private ComposeAsWritten() {}

  /** One service as written in one file. */
  record WrittenService(String file, String name, MapNode node) {}

  static List<WrittenService> services(RuleContext ctx) {
    List<WrittenService> out = new ArrayList<>();
    Set<Position> seen = new HashSet<>();
    for (Map.Entry<String, MapNode> f : ctx.parsedFiles().entrySet()) {
      if (!(f.getValue().get("services") instanceof MapNode services)) continue;
      for (MapNode.Entry e : services.entries()) {
        if (!(e.value() instanceof MapNode svc)) continue;
        if (!seen.add(svc.position())) continue; // an alias of a service already seen
        out.add(new WrittenService(f.getKey(), e.key(), svc));
      }
    }
    return out;
  }

  /** The entries written in this mapping itself, in source order. */
  static List<MapNode.Entry> own(MapNode m) {
    List<MapNode.Entry> out = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      if (e.keyPosition().file().equals(m.position().file()) && e.keyPosition().compareTo(m.position()) >= 0) out.add(e);
    }
    out.sort((a, b) -> a.keyPosition().compareTo(b.keyPosition()));
    return out;
  }

  static SeqNode seq(MapNode m, String key) {
    return m.get(key) instanceof SeqNode s ? s : null;
  }

  static boolean isBlock(Node n) {
    return true;
  }
}
