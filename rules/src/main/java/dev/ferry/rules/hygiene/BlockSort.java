package dev.ferry.rules.hygiene;

import dev.ferry.rules.api.Fixable.FixInput;
import dev.ferry.rules.api.TextEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reorders the entries of a block-style mapping or sequence by moving whole lines: each entry
 * keeps its comments (those directly above it), its nested lines and its own formatting; the blank
 * lines between entries stay where they were. Flow style ({@code [a, b]}, {@code {a: 1}}) and
 * anything irregular is left alone (no edit), since a wrong move is worse than none.
 */
final class BlockSort {
  private BlockSort() {}

  /**
   * @param lines 1-based line of each entry, in current order
   * @param columns 1-based column of each entry's key (mapping) or item value (sequence)
   * @param sequence whether the entries are sequence items ({@code - x})
   * @param order the new order: order[k] = index of the entry that goes k-th
   */
  static Optional<TextEdit> sort(FixInput in, int[] lines, int[] columns, boolean sequence, int[] order) {
    int n = lines.length;
    if (n < 2) return Optional.empty();
    String[] text = in.text().split("\n", -1);
    int indent = -1;
    for (int i = 0; i < n; i++) {
      if (i > 0 && lines[i] <= lines[i - 1]) return Optional.empty();
      if (lines[i] < 1 || lines[i] > text.length) return Optional.empty();
      String l = text[lines[i] - 1];
      int ind = leading(l);
      if (sequence) {
        if (ind >= l.length() || l.charAt(ind) != '-') return Optional.empty();
      } else if (ind + 1 != columns[i]) {
        return Optional.empty();
      }
      if (indent >= 0 && ind != indent) return Optional.empty();
      indent = ind;
    }
    // Block starts: each entry takes the comment lines directly above it.
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      int s = lines[i];
      if (i > 0) {
        while (s - 1 > lines[i - 1] && isComment(text[s - 2])) s--;
      } else {
        // the first entry takes the comments right above it written at its own indentation
        while (s - 1 >= 1 && isComment(text[s - 2]) && leading(text[s - 2]) == indent) s--;
      }
      start[i] = s;
    }
    // The last entry ends before the first line that is not blank and not indented deeper.
    int end = lines[n - 1] + 1;
    while (end <= text.length) {
      String l = text[end - 1];
      if (l.isBlank() || leading(l) > indent) end++;
      else break;
    }
    while (end - 1 > lines[n - 1] && text[end - 2].isBlank()) end--;
    if (end > text.length && in.text().endsWith("\n")) {
      // the split leaves an empty last element for the final newline; never include it
      end = Math.min(end, text.length);
    }
    start[n] = end;
    String[] body = new String[n];
    String[] gap = new String[n];
    for (int i = 0; i < n; i++) {
      int to = start[i + 1];
      int contentEnd = to;
      while (contentEnd - 1 > lines[i] && text[contentEnd - 2].isBlank()) contentEnd--;
      body[i] = join(text, start[i], contentEnd);
      gap[i] = join(text, contentEnd, to);
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) b.append(body[order[k]]).append(gap[k]);
    int from = in.lineStart(start[0]);
    int to = end > text.length ? in.text().length() : in.lineStart(end);
    String original = in.text().substring(from, to);
    String replacement = b.toString();
    if (!original.endsWith("\n") && replacement.endsWith("\n")) replacement = replacement.substring(0, replacement.length() - 1);
    if (replacement.equals(original)) return Optional.empty();
    return Optional.of(new TextEdit(from, to, replacement));
  }

  /** The permutation that sorts {@code keys} stably, or null when already sorted. */
  static <T extends Comparable<T>> int[] order(List<T> keys) {
    Integer[] idx = new Integer[keys.size()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, c) -> keys.get(a).compareTo(keys.get(c)));
    int[] out = new int[idx.length];
    boolean changed = false;
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
      if (idx[i] != i) changed = true;
    }
    return changed ? out : null;
  }

  static int[] ints(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) a[i] = l.get(i);
    return a;
  }

  private static String join(String[] text, int fromLine, int toLine) {
    List<String> part = new ArrayList<>();
    for (int l = fromLine; l < toLine; l++) part.add(text[l - 1]);
    return part.isEmpty() ? "" : String.join("\n", part) + "\n";
  }

  private static int leading(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') i++;
    return i;
  }

  private static boolean isComment(String l) {
    return l.stripLeading().startsWith("#");
  }
}
