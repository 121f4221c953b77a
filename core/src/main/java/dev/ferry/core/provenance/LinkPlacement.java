package dev.ferry.core.provenance;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import java.util.List;

/**
 * Where each provenance link of an {@link Alignment} goes: its object's manifest lines (the field,
 * else its nearest emitted ancestor) and its compose lines (the key and everything under it).
 * Each link is placed on its own, so slices of links are placed on every core
 * ({@link OnEveryCore}) and the answers come back in link order.
 */
final class LinkPlacement {
  /** Where one link goes: its object, compose file and lines (file null: a default), manifest lines. */
  record Placement(int object, String file, int composeStart, int composeEnd, int manifestStart, int manifestEnd) {}

  /** Links placed per task. */
  private static final int PER_TASK = 4096;

  private LinkPlacement() {}

  /**
   * The placement of each of {@code links}, in link order; null for a link that names no emitted
   * object or field, or whose compose position is unknown. {@code a}'s objects and files are laid
   * out and only read here.
   */
  static Placement[] of(List<Provenance.Link> links, Alignment a, SourceMap sm) {
    Placement[] out = new Placement[links.size()];
    int tasks = (links.size() + PER_TASK - 1) / PER_TASK;
    OnEveryCore.map(tasks, t -> {
      FieldAncestry ancestry = new FieldAncestry();
      for (int i = t * PER_TASK; i < Math.min(links.size(), (t + 1) * PER_TASK); i++) {
        out[i] = placement(links.get(i), a, sm, ancestry);
      }
      return Boolean.TRUE;
    });
    return out;
  }

  private static Placement placement(Provenance.Link l, Alignment a, SourceMap sm, FieldAncestry ancestry) {
    Alignment.Obj o = a.object(l.kind(), l.name());
    if (o == null) return null;
    int[] m = manifestRange(o, l.field(), ancestry);
    if (m == null) return null;
    String file = null;
    int cs = 0;
    int ce = 0;
    if (l.source() != null) {
      Position pos = sm.position(l.source());
      if (!pos.isKnown()) return null;
      file = pos.file();
      cs = pos.line();
      ce = pos.line();
      Alignment.ComposeFile f = a.file(pos.file());
      LineIndex.Entry e = f == null ? null : f.index().entryAt(pos.line(), pos.column());
      if (e != null && e.line() == pos.line()) ce = e.endLine();
    }
    return new Placement(o.index(), file, cs, ce, m[0], m[1]);
  }

  /** The manifest lines of {@code field} in object {@code o}: the field, else its nearest emitted ancestor. */
  private static int[] manifestRange(Alignment.Obj o, String field, FieldAncestry ancestry) {
    if (field == null || field.isEmpty()) return new int[] {o.start(), o.end()};
    for (ModelPath p : ancestry.selfAndAncestors(field)) {
      int[] e = o.yaml().lines(p);
      if (e != null) return new int[] {o.start() + e[0] - 1, o.start() + e[1] - 1};
    }
    return null;
  }
}
