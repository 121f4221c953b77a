package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One emitted object's manifest text and its line index, as an {@link Alignment} keeps them. It is
 * {@link #compact compacted} as soon as it is made ({@link #compacted}, on the core that wrote the
 * object), else once the alignment is made: the text is kept with where each line starts (a line is
 * cut from it when read: a string per line kept to the end was 1.2 million strings at 10,000
 * services), the entries as arrays (each entry's line, column, last line, parent entry
 * and last path segment) instead of an entry and a path object per node and a map by path (at
 * 10,000 services those were about 150 MB kept live to the end of {@code explain}). Entries and
 * paths are then made again when asked for: the same values {@link LineIndex} gives.
 */
public final class ObjectText {
  /** The text. */
  private final String text;
  private LineIndex index;
  /** Where each line of the text starts (compacted). */
  private int[] starts;
  /** Per entry, in entry order: first line, column, last line, parent entry (-1: at the root). */
  private int[] line;
  private int[] column;
  private int[] endLine;
  private int[] parent;
  /** Per entry, its path's last segment (a key or an Integer index). */
  private Object[] last;
  /** 1 + the index of the first entry starting at each line (0: none). */
  private int[] firstByLine;

  /** {@code index} is the line index of {@code text} (its writer's, or {@link LineIndex#of} of it). */
  ObjectText(String text, LineIndex index) {
    this.text = text;
    this.index = index;
  }

  /**
   * {@code text} with its index (the writer's, or {@link LineIndex#of} of it), made {@link #compact}
   * at once: where many objects are written on every core, each writer's index then dies young
   * (at 10,000 services about 150 MB of entries, paths and maps were otherwise kept until every
   * link was placed, and promoted). Lookups by path then scan the object's entries ({@link #lines}).
   */
  public static ObjectText compacted(String text, LineIndex index) {
    ObjectText t = new ObjectText(text, index);
    t.compact();
    return t;
  }

  /** Drops the writer's index for the compact form (an index of more than one document is kept as it is). */
  void compact() {
    LineIndex ix = index;
    if (ix == null || ix.documents().size() > 1) return;
    int[] at = ix.lineStarts(); // the index is of this text
    List<LineIndex.Entry> es = ix.entries();
    int n = es.size();
    int[] ln = new int[n];
    int[] col = new int[n];
    int[] end = new int[n];
    int[] par = new int[n];
    Object[] seg = new Object[n];
    int[] stack = new int[16];
    int depth = 0;
    for (int i = 0; i < n; i++) {
      LineIndex.Entry e = es.get(i);
      ModelPath p = e.path();
      if (p.size() == 0 || e.document() != 0) return; // not a node of one document: keep the index as it is
      ModelPath up = p.parent();
      // the parent is the nearest open ancestor (entries come in text order, each after its parent)
      while (depth > 0 && !es.get(stack[depth - 1]).path().equals(up)) depth--;
      if (depth == 0 && up.size() > 0) return; // a path whose parent is not an entry: keep the index as it is
      par[i] = depth == 0 ? -1 : stack[depth - 1];
      ln[i] = e.line();
      col[i] = e.column();
      end[i] = e.endLine();
      seg[i] = p.last();
      if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
      stack[depth++] = i;
    }
    int[] first = new int[at.length + 1];
    for (int i = n - 1; i >= 0; i--) if (ln[i] >= 0 && ln[i] < first.length) first[ln[i]] = i + 1;
    starts = at;
    line = ln;
    column = col;
    endLine = end;
    parent = par;
    last = seg;
    firstByLine = first;
    index = null;
  }

  /** Line {@code n} (1-based) of the text, without its line break; "" past the end. */
  public String line(int n) {
    return index != null ? index.line(n) : LineIndex.line(text, starts, n);
  }

  /** Number of lines (a text ending in a line break has no extra line). */
  public int lineCount() {
    return index != null ? index.lineCount() : LineIndex.lineCount(text, starts);
  }

  /** The object's text. */
  public String text() {
    return text;
  }

  /** Every entry, in entry order. */
  public List<LineIndex.Entry> entries() {
    if (index != null) return index.entries();
    List<LineIndex.Entry> out = new ArrayList<>(line.length);
    for (int i = 0; i < line.length; i++) out.add(entry(i));
    return out;
  }

  /** The first entry at {@code path} in document {@code doc}, or null. */
  public LineIndex.Entry entry(int doc, ModelPath path) {
    if (index != null) return index.entry(doc, path);
    int i = doc == 0 ? at(path) : -1;
    return i < 0 ? null : entry(i);
  }

  /**
   * The first and last line of the first entry at {@code path} in the first document, or null:
   * {@link #entry} without making the entry (or its path) when compact.
   */
  public int[] lines(ModelPath path) {
    if (index != null) {
      LineIndex.Entry e = index.entry(0, path);
      return e == null ? null : new int[] {e.line(), e.endLine()};
    }
    int i = at(path);
    return i < 0 ? null : new int[] {line[i], endLine[i]};
  }

  /** The first (compact) entry at {@code path}, or -1: a scan of the entries, which makes nothing. */
  private int at(ModelPath path) {
    for (int i = 0; i < line.length; i++) if (is(i, path)) return i;
    return -1;
  }

  /** The entry at {@code path} in the first document. */
  public Optional<LineIndex.Entry> find(ModelPath path) {
    return Optional.ofNullable(entry(0, path));
  }

  /** The first entry that starts at {@code line}, in entry order, or null. */
  public LineIndex.Entry firstAt(int l) {
    if (index != null) return index.firstAt(l);
    return l >= 0 && l < firstByLine.length && firstByLine[l] > 0 ? entry(firstByLine[l] - 1) : null;
  }

  /** The entries whose path has {@code size} segments and whose lines include {@code l}, in entry order. */
  public List<LineIndex.Entry> containing(int l, int size) {
    List<LineIndex.Entry> out = new ArrayList<>(1);
    if (index != null) {
      for (LineIndex.Entry e : index.entries()) if (e.path().size() == size && e.contains(l)) out.add(e);
      return out;
    }
    for (int i = 0; i < line.length; i++) if (l >= line[i] && l <= endLine[i] && depth(i) == size) out.add(entry(i));
    return out;
  }

  private int depth(int i) {
    int d = 0;
    for (int e = i; e >= 0; e = parent[e]) d++;
    return d;
  }

  private LineIndex.Entry entry(int i) {
    return new LineIndex.Entry(path(i), 0, line[i], column[i], endLine[i]);
  }

  private ModelPath path(int i) {
    ModelPath up = parent[i] < 0 ? ModelPath.ROOT : path(parent[i]);
    return last[i] instanceof Integer k ? up.index(k) : up.key((String) last[i]);
  }

  /** Whether entry {@code i}'s path is {@code p} (compared segment by segment up to the root). */
  private boolean is(int i, ModelPath p) {
    ModelPath q = p;
    int e = i;
    while (e >= 0 && q.size() > 0) {
      if (!last[e].equals(q.last())) return false;
      e = parent[e];
      q = q.parent();
    }
    return e < 0 && q.size() == 0;
  }
}
