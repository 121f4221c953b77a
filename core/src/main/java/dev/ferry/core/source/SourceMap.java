package dev.ferry.core.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * ModelPath to source position. For a map entry the position is that of its key (where a reader
 * looks for it); for a sequence item, that of the item. Lookups of a path with no entry fall back to
 * the nearest ancestor that has one, so every model path resolves to some position in some file.
 */
public final class SourceMap {
  private final Map<ModelPath, Position> keys;
  private final Map<ModelPath, Position> values;

  public SourceMap(Map<ModelPath, Position> keys, Map<ModelPath, Position> values) {
    this.keys = Collections.unmodifiableMap(new HashMap<>(keys));
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  public static SourceMap empty() {
    return new SourceMap(Map.of(), Map.of());
  }

  /** Position of the key (or item) at {@code path}, else of the nearest ancestor. */
  public Position position(ModelPath path) {
    for (ModelPath p = path; ; p = p.parent()) {
      Position pos = keys.get(p);
      if (pos == null) pos = values.get(p);
      if (pos != null) return pos;
      if (p.size() == 0) return Position.UNKNOWN;
    }
  }

  public Position position(String path) {
    return position(ModelPath.parse(path));
  }

  /** Position of the value at {@code path} (the scalar itself), else {@link #position(ModelPath)}. */
  public Position valuePosition(ModelPath path) {
    Position pos = values.get(path);
    return pos != null ? pos : position(path);
  }

  public boolean has(ModelPath path) {
    return keys.containsKey(path) || values.containsKey(path);
  }

  public int size() {
    return Math.max(keys.size(), values.size());
  }
}
