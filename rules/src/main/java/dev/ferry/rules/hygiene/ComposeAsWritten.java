package dev.ferry.rules.hygiene;

import dev.ferry.core.tree.MapNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The compose files as written, for style rules: the entries a mapping really spells out (keys
 * pulled in through a {@code <<} merge or an alias live where the anchor is, and are checked there,
 * once).
 */
final class ComposeAsWritten {
  private ComposeAsWritten() {}

  /** The entries written in this mapping itself, in source order. */
  static List<MapNode.Entry> own(MapNode m) {
    List<MapNode.Entry> out = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      if (e.keyPosition().file().equals(m.position().file()) && e.keyPosition().compareTo(m.position()) >= 0) out.add(e);
    }
    out.sort((a, b) -> a.keyPosition().compareTo(b.keyPosition()));
    return out;
  }
}
