package dev.ferry.core.provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans laid over a run of lines, indexed by line: which spans cover a line, and the most specific
 * ones (the smallest range). Spans with the same range form one group, and a line lists the groups
 * covering it, so building costs one visit per line per distinct range over it (the nesting depth
 * of the YAML there), not one per span: a scan of every span for every line was quadratic in the
 * number of services. Ids are added in ascending order; every answer is ascending.
 */
public final class LineCover {
  private static final int[] NONE = new int[0];

  private final int first;
  private final int last;
  private final List<Group> groups = new ArrayList<>();
  private final Map<Long, Group> byRange = new HashMap<>();
  /** Compressed rows: the groups over line {@code first + i} are {@code data[offsets[i]..offsets[i+1])}. */
  private int[] offsets;
  private int[] data;

  private static final class Group {
    final int start;
    final int end;
    int[] ids = new int[2];
    int count;

    Group(int start, int end) {
      this.start = start;
      this.end = end;
    }

    void add(int id) {
      if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
      ids[count++] = id;
    }

    int size() {
      return end - start;
    }
  }

  /** An empty cover of lines {@code first} to {@code last} (inclusive); ranges are clipped to them. */
  public LineCover(int first, int last) {
    this.first = first;
    this.last = Math.max(first - 1, last);
  }

  /** Adds span {@code id} over lines {@code start} to {@code end}; ids must come in ascending order. */
  public LineCover add(int id, int start, int end) {
    offsets = null;
    // times an odd number: still one key per range, but Long.hashCode (high ^ low) is no longer 0 for every one-line range
    long key = (((long) start << 32) | (end & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
    Group g = byRange.get(key);
    if (g == null) {
      g = new Group(start, end);
      byRange.put(key, g);
      groups.add(g);
    }
    g.add(id);
    return this;
  }

  private void build() {
    int n = last - first + 1;
    int[] counts = new int[n + 1];
    for (Group g : groups) for (int l = Math.max(g.start, first); l <= Math.min(g.end, last); l++) counts[l - first]++;
    offsets = new int[n + 1];
    for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + counts[i];
    data = new int[offsets[n]];
    int[] fill = Arrays.copyOf(offsets, n);
    for (int gi = 0; gi < groups.size(); gi++) {
      Group g = groups.get(gi);
      for (int l = Math.max(g.start, first); l <= Math.min(g.end, last); l++) data[fill[l - first]++] = gi;
    }
  }

  /** Every span covering {@code line}, ascending. */
  public int[] covering(int line) {
    if (offsets == null) build();
    if (line < first || line > last) return NONE;
    int from = offsets[line - first];
    int to = offsets[line - first + 1];
    return ids(from, to, -1);
  }

  /** The spans of the smallest range covering {@code line} (ties: all of them), ascending; empty when none. */
  public int[] smallest(int line) {
    int size = smallestSize(line);
    if (size == Integer.MAX_VALUE) return NONE;
    return ids(offsets[line - first], offsets[line - first + 1], size);
  }

  /** The size (last minus first line) of the smallest range covering {@code line}, or {@code Integer.MAX_VALUE}. */
  public int smallestSize(int line) {
    if (offsets == null) build();
    if (line < first || line > last) return Integer.MAX_VALUE;
    int best = Integer.MAX_VALUE;
    for (int i = offsets[line - first]; i < offsets[line - first + 1]; i++) best = Math.min(best, groups.get(data[i]).size());
    return best;
  }

  /** The ids of the groups {@code data[from..to)} (only those of range size {@code size}, unless it is -1), ascending. */
  private int[] ids(int from, int to, int size) {
    int n = 0;
    int matched = 0;
    for (int i = from; i < to; i++) {
      Group g = groups.get(data[i]);
      if (size < 0 || g.size() == size) {
        n += g.count;
        matched++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = from; i < to; i++) {
      Group g = groups.get(data[i]);
      if (size >= 0 && g.size() != size) continue;
      System.arraycopy(g.ids, 0, out, k, g.count);
      k += g.count;
    }
    if (matched > 1) Arrays.sort(out);
    return out;
  }
}
