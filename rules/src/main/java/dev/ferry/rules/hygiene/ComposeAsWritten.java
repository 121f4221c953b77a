package dev.ferry.rules.hygiene;

import dev.ferry.core.source.Position;
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
    Position at = m.position();
    for (MapNode.Entry e : m.entries()) {
      if (e.keyPosition().file().equals(at.file()) && compare(e.keyPosition(), at) >= 0) out.add(e);
    }
    out.sort((a, b) -> compare(a.keyPosition(), b.keyPosition()));
    return out;
  }

  /**
   * {@link Position#compareTo}, without comparing a file name with itself character by character
   * (every rule over a file's 10,000 services sorted them so).
   */
  private static int compare(Position a, Position b) {
    int c = a.file() == b.file() ? 0 : a.file().compareTo(b.file());
    if (c != 0) return c;
    c = Integer.compare(a.line(), b.line());
    return c != 0 ? c : Integer.compare(a.column(), b.column());
  }
}
