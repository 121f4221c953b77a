package dev.ferry.core.load.stage;

import java.util.ArrayList;
import java.util.List;

/** An {@link Outline} as lines of text, for comparing two outlines in tests. */
final class Outlines {
  private Outlines() {}

  static List<String> describe(Outline o) {
    List<String> out = new ArrayList<>();
    for (Outline.Document d : o.documents()) {
      out.add("document " + d.start() + "-" + d.end());
      for (Outline.Raw r : d.entries().raws()) out.add(r.path + " " + r.line + ":" + r.column + " +" + r.descendants);
    }
    return out;
  }
}
