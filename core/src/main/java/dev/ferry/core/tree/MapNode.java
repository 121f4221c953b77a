package dev.ferry.core.tree;

import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/** A YAML mapping with string keys, in source order; each entry keeps its key's position. */
public final class MapNode implements Node {
  /** One key: value pair. */
  public record Entry(String key, Position keyPosition, Node value) {
    public Entry withValue(Node v) {
      return new Entry(key, keyPosition, v);
    }
  }

  private final LinkedHashMap<String, Entry> entries;
  private final Position position;
  private final String tag;

  private MapNode(LinkedHashMap<String, Entry> entries, Position position, String tag) {
    this.entries = entries;
    this.position = position;
    this.tag = tag;
  }

  public static MapNode of(Collection<Entry> entries, Position p) {
    LinkedHashMap<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries) m.put(e.key(), e);
    return new MapNode(m, p, null);
  }

  public static MapNode empty(Position p) {
    return new MapNode(new LinkedHashMap<>(), p, null);
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
    return new MapNode(entries, position, t);
  }

  public Node get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  public Entry entry(String key) {
    return entries.get(key);
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Key position of {@code key}, or the map's own position when absent. */
  public Position keyPosition(String key) {
    Entry e = entries.get(key);
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
    LinkedHashMap<String, Entry> m = new LinkedHashMap<>(entries);
    Entry old = m.get(key);
    m.put(key, new Entry(key, old != null && keyPos == null ? old.keyPosition() : keyPos == null ? value.position() : keyPos, value));
    return new MapNode(m, position, tag);
  }

  public MapNode with(String key, Node value) {
    return with(key, null, value);
  }

  public MapNode without(String key) {
    if (!entries.containsKey(key)) return this;
    LinkedHashMap<String, Entry> m = new LinkedHashMap<>(entries);
    m.remove(key);
    return new MapNode(m, position, tag);
  }

  /** A copy whose values are mapped by {@code f(entry, value)}; null results drop the entry. */
  public MapNode mapValues(BiFunction<Entry, Node, Node> f) {
    // Copy on change: a stage that changes nothing in a subtree (most of them, for most subtrees)
    // returns the same node and allocates nothing for it.
    LinkedHashMap<String, Entry> m = null;
    int done = 0;
    for (Entry e : entries.values()) {
      Node v = f.apply(e, e.value());
      if (m == null && v != e.value()) {
        m = new LinkedHashMap<>(Math.max(16, (int) (entries.size() / 0.75f) + 1));
        int i = 0;
        for (Entry prev : entries.values()) {
          if (i++ == done) break;
          m.put(prev.key(), prev);
        }
      }
      if (m != null && v != null) m.put(e.key(), v == e.value() ? e : e.withValue(v));
      done++;
    }
    return m == null ? this : new MapNode(m, position, tag);
  }

  public MapNode withEntries(List<Entry> es) {
    LinkedHashMap<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : es) m.put(e.key(), e);
    return new MapNode(m, position, tag);
  }

  public List<Entry> entryList() {
    return new ArrayList<>(entries.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapNode m && m.entries.equals(entries) && m.position.equals(position)
        && Objects.equals(m.tag, tag);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "MapNode" + entries.keySet();
  }
}
