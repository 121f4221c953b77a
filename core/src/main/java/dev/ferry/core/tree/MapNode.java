package dev.ferry.core.tree;

import dev.ferry.core.source.Position;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys, in source order; each entry keeps its key's position. The
 * entries are an array (a large file has hundreds of thousands of small mappings); a mapping of
 * more than {@value #INDEXED} keys also gets a hash index from key to slot.
 */
public final class MapNode implements Node {
  /** One key: value pair. */
  public record Entry(String key, Position keyPosition, Node value) {
    public Entry withValue(Node v) {
      return new Entry(key, keyPosition, v);
    }
  }

  /**
   * Mappings up to this size are searched linearly: cheaper than hashing for a handful of keys, and a
   * service (about ten keys) then carries no hash table of its own.
   */
  private static final int INDEXED = 16;
  private static final Entry[] NONE = new Entry[0];

  private final Entry[] entries;
  private final Map<String, Integer> index;
  private final Position position;
  private final String tag;

  /** {@code entries} must have unique keys and is not copied: callers hand over a fresh array. */
  private MapNode(Entry[] entries, Position position, String tag) {
    this(entries, indexOf(entries), position, tag);
  }

  private MapNode(Entry[] entries, Map<String, Integer> index, Position position, String tag) {
    this.entries = entries;
    this.index = index;
    this.position = position;
    this.tag = tag;
  }

  private static Map<String, Integer> indexOf(Entry[] entries) {
    if (entries.length <= INDEXED) return null;
    Map<String, Integer> m = new HashMap<>(Math.max(16, (int) (entries.length / 0.75f) + 1));
    for (int i = 0; i < entries.length; i++) m.put(entries[i].key(), i);
    return m;
  }

  /** Entries in order; a later entry with an earlier entry's key replaces its value in place. */
  public static MapNode of(Collection<Entry> entries, Position p) {
    return new MapNode(unique(entries), p, null);
  }

  public static MapNode empty(Position p) {
    return new MapNode(NONE, null, p, null);
  }

  private static Entry[] unique(Collection<Entry> es) {
    Entry[] out = es.toArray(NONE);
    if (out.length <= 1) return out;
    if (out.length <= INDEXED) return uniqueSmall(out);
    Map<String, Integer> seen = new HashMap<>(Math.max(16, (int) (out.length / 0.75f) + 1));
    int n = 0;
    for (Entry e : out) {
      Integer at = seen.putIfAbsent(e.key(), n);
      if (at == null) {
        out[n++] = e;
      } else {
        out[at] = e; // LinkedHashMap.put: the first key's slot keeps its place, the last value wins
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** {@link #unique} of a few entries, without hashing. */
  private static Entry[] uniqueSmall(Entry[] out) {
    int n = 0;
    next:
    for (Entry e : out) {
      for (int j = 0; j < n; j++) {
        if (out[j].key().equals(e.key())) {
          out[j] = e;
          continue next;
        }
      }
      out[n++] = e;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private int slot(String key) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    // the key's cached hash first: most entries differ from the key asked for, and that is then one comparison
    if (key == null) return -1;
    int h = key.hashCode();
    for (int i = 0; i < entries.length; i++) {
      String k = entries[i].key();
      if (k == key || k.hashCode() == h && k.equals(key)) return i;
    }
    return -1;
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public MapNode withTag(String t) {
    return new MapNode(entries, index, position, t);
  }

  public Node get(String key) {
    int i = slot(key);
    return i < 0 ? null : entries[i].value();
  }

  public Entry entry(String key) {
    int i = slot(key);
    return i < 0 ? null : entries[i];
  }

  public boolean has(String key) {
    return slot(key) >= 0;
  }

  public Set<String> keys() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        Iterator<Entry> it = entryView().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public String next() {
            return it.next().key();
          }
        };
      }

      @Override
      public int size() {
        return entries.length;
      }

      @Override
      public boolean contains(Object o) {
        return o instanceof String k && has(k);
      }
    };
  }

  /** The keys in order, in a new array the caller may change (sort). */
  public String[] keyArray() {
    String[] out = new String[entries.length];
    for (int i = 0; i < out.length; i++) out[i] = entries[i].key();
    return out;
  }

  public Collection<Entry> entries() {
    return entryView();
  }

  private List<Entry> entryView() {
    return new AbstractList<>() {
      @Override
      public Entry get(int i) {
        return entries[i];
      }

      @Override
      public int size() {
        return entries.length;
      }
    };
  }

  public int size() {
    return entries.length;
  }

  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** Key position of {@code key}, or the map's own position when absent. */
  public Position keyPosition(String key) {
    Entry e = entry(key);
    return e == null ? position : e.keyPosition();
  }

  public MapNode getMap(String key) {
    return get(key) instanceof MapNode m ? m : null;
  }

  public SeqNode getSeq(String key) {
    return get(key) instanceof SeqNode s ? s : null;
  }

  public ScalarNode getScalar(String key) {
    return get(key) instanceof ScalarNode s ? s : null;
  }

  /** Scalar text at key (null if absent or not a scalar; "" for YAML null). */
  public String getString(String key) {
    ScalarNode s = getScalar(key);
    return s == null ? null : s.asString();
  }

  /** A copy with {@code key} set (kept in place if present, appended if new). */
  public MapNode with(String key, Position keyPos, Node value) {
    int i = slot(key);
    Entry old = i < 0 ? null : entries[i];
    Entry e = new Entry(key, old != null && keyPos == null ? old.keyPosition() : keyPos == null ? value.position() : keyPos, value);
    if (i >= 0) {
      Entry[] m = entries.clone();
      m[i] = e;
      return new MapNode(m, index, position, tag);
    }
    Entry[] m = Arrays.copyOf(entries, entries.length + 1);
    m[entries.length] = e;
    return new MapNode(m, position, tag);
  }

  public MapNode with(String key, Node value) {
    return with(key, null, value);
  }

  public MapNode without(String key) {
    int i = slot(key);
    if (i < 0) return this;
    Entry[] m = new Entry[entries.length - 1];
    System.arraycopy(entries, 0, m, 0, i);
    System.arraycopy(entries, i + 1, m, i, entries.length - i - 1);
    return new MapNode(m, position, tag);
  }

  /** A copy whose values are mapped by {@code f(entry, value)}; null results drop the entry. */
  public MapNode mapValues(BiFunction<Entry, Node, Node> f) {
    // Copy on change: a stage that changes nothing in a subtree (most of them, for most subtrees)
    // returns the same node and allocates nothing for it.
    Entry[] m = null;
    int n = 0;
    boolean dropped = false;
    for (int i = 0; i < entries.length; i++) {
      Entry e = entries[i];
      Node v = f.apply(e, e.value());
      if (m == null && v != e.value()) {
        m = Arrays.copyOf(entries, entries.length);
        n = i;
      }
      if (m != null) {
        if (v == null) dropped = true;
        else m[n++] = v == e.value() ? e : e.withValue(v);
      }
    }
    if (m == null) return this;
    return dropped ? new MapNode(Arrays.copyOf(m, n), position, tag) : new MapNode(m, index, position, tag);
  }

  public MapNode withEntries(List<Entry> es) {
    return new MapNode(unique(es), position, tag);
  }

  public List<Entry> entryList() {
    return new ArrayList<>(entryView());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapNode m && sameEntries(m) && m.position.equals(position) && Objects.equals(m.tag, tag);
  }

  /** Equal entries regardless of order (as two LinkedHashMaps compare). */
  private boolean sameEntries(MapNode m) {
    if (m.entries.length != entries.length) return false;
    for (Entry e : entries) {
      Entry o = m.entry(e.key());
      if (!e.equals(o)) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Entry e : entries) h += e.key().hashCode() ^ e.hashCode(); // Map.hashCode's formula
    return h;
  }

  @Override
  public String toString() {
    return "MapNode" + keys();
  }
}
