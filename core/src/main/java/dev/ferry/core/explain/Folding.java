package dev.ferry.core.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code explain --brief}: folds what a reader has already seen or need not read. A sub-block of
 * an item (an initContainer's {@code resources}, its {@code securityContext}) equal to one shown
 * before at the same place becomes one line naming where it was shown ("same as wait-for-redis");
 * runs of ferry's default lines become one line counting them. One instance per rendering (it
 * remembers what was shown).
 */
final class Folding {
  /** A line to show: its text (dedented within the run) and whether it is a ferry default. */
  record Line(String text, boolean dflt) {}

  private final Map<String, String> seen = new HashMap<>();

  /** The lines of a run at {@code context} (object kind + path), folded. */
  List<Line> fold(String context, List<Line> lines) {
    List<Line> out = new ArrayList<>();
    if (lines.isEmpty()) return out;
    String first = lines.get(0).text();
    int keyIndent = lead(first) + (first.stripLeading().startsWith("- ") ? 2 : 0);
    String owner = nameOf(lines, keyIndent);
    int i = 0;
    while (i < lines.size()) {
      int end = blockEnd(lines, i, keyIndent);
      List<Line> block = lines.subList(i, end);
      String key = context + "\u0000" + keyIndent + "\u0000" + text(block);
      String where = block.size() >= 3 ? seen.putIfAbsent(key, owner) : null;
      if (where != null && owner != null && !where.equals(owner)) {
        String head = block.get(0).text();
        int colon = head.indexOf(':');
        out.add(new Line((colon < 0 ? head : head.substring(0, colon + 1)) + " ... (" + (block.size() - 1)
            + " lines, same as " + where + ")", false));
      } else {
        out.addAll(defaults(block));
      }
      i = end;
    }
    return out;
  }

  /** Consecutive default lines (3 or more) as one line. */
  private static List<Line> defaults(List<Line> block) {
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < block.size()) {
      int j = i;
      while (j < block.size() && block.get(j).dflt()) j++;
      if (j - i >= 3) {
        out.add(new Line(" ".repeat(lead(block.get(i).text())) + "... (" + (j - i) + " lines set by ferry)", true));
        i = j;
      } else {
        out.add(block.get(i));
        i++;
      }
    }
    return out;
  }

  /** Where the sub-block starting at {@code i} ends: the next line at or left of {@code keyIndent}. */
  private static int blockEnd(List<Line> lines, int i, int keyIndent) {
    int j = i + 1;
    while (j < lines.size() && lead(lines.get(j).text()) > keyIndent && !isKey(lines.get(j).text(), keyIndent)) j++;
    return j;
  }

  private static boolean isKey(String t, int keyIndent) {
    return lead(t) == keyIndent;
  }

  /** The item's {@code name:} value, else null. */
  private static String nameOf(List<Line> lines, int keyIndent) {
    for (Line l : lines) {
      String t = l.text();
      String s = t.stripLeading();
      if (s.startsWith("- ")) s = s.substring(2);
      if (lead(t) <= keyIndent && s.startsWith("name: ")) return s.substring("name: ".length()).strip();
    }
    return null;
  }

  private static String text(List<Line> block) {
    StringBuilder b = new StringBuilder();
    for (Line l : block) b.append(l.text()).append('\n');
    return b.toString();
  }

  private static int lead(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    return i;
  }
}
