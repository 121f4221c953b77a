package dev.ferry.core.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * ModelPath to source position. For a map entry the position is that of its key (where a reader
 * looks for it); for a sequence item, that of the item. Lookups of a path with no entry fall back to
 * the nearest ancestor that has one, so every model path resolves to some position in some file.
 * The positions are read from an {@link Index}: the loader's final tree itself (no copy of every
 * path), or two maps.
 */
public final class SourceMap {
  /** Where positions are looked up. */
  public interface Index {
    /** Position of the key (or item) of the longest prefix of {@code path} that exists; null if none. */
    Position nearest(ModelPath path);

    /** Position of the value at {@code path}, null when there is no such value. */
    Position value(ModelPath path);

    /** How many values (the root included) the index holds. */
    int size();
  }

  private final Index index;

  public SourceMap(Map<ModelPath, Position> keys, Map<ModelPath, Position> values) {
    this(new Maps(Collections.unmodifiableMap(new HashMap<>(keys)), Collections.unmodifiableMap(new HashMap<>(values))));
  }

  public SourceMap(Index index) {
    this.index = index;
  }

  public static SourceMap empty() {
    return new SourceMap(Map.of(), Map.of());
  }

  /** Position of the key (or item) at {@code path}, else of the nearest ancestor. */
  public Position position(ModelPath path) {
    Position pos = index.nearest(path);
    return pos != null ? pos : Position.UNKNOWN;
  }

  public Position position(String path) {
    return position(ModelPath.parse(path));
  }

  /** Position of the value at {@code path} (the scalar itself), else {@link #position(ModelPath)}. */
  public Position valuePosition(ModelPath path) {
    Position pos = index.value(path);
    return pos != null ? pos : position(path);
  }

  public boolean has(ModelPath path) {
    return index.value(path) != null;
  }

  public int size() {
    return index.size();
  }

  /** The index of two maps: path to key position, and path to value position. */
  private record Maps(Map<ModelPath, Position> keys, Map<ModelPath, Position> values) implements Index {
    @Override
    public Position nearest(ModelPath path) {
      for (ModelPath p = path; ; p = p.parent()) {
        Position pos = keys.get(p);
        if (pos == null) pos = values.get(p);
        if (pos != null) return pos;
        if (p.size() == 0) return null;
      }
    }

    @Override
    public Position value(ModelPath path) {
      Position pos = values.get(path);
      return pos != null ? pos : keys.get(path);
    }

    @Override
    public int size() {
      return Math.max(keys.size(), values.size());
    }
  }
}
