package dev.ferry.core.load;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.SeqNode;
import java.util.HashMap;
import java.util.Map;

/** Builds the SourceMap from the final tree: every key and item, with the position that survived. */
final class SourceMaps {
  private SourceMaps() {}

  static SourceMap of(MapNode root) {
    Map<ModelPath, Position> keys = new HashMap<>();
    Map<ModelPath, Position> values = new HashMap<>();
    values.put(ModelPath.ROOT, root.position());
    walk(root, ModelPath.ROOT, keys, values);
    return new SourceMap(keys, values);
  }

  private static void walk(Node n, ModelPath path, Map<ModelPath, Position> keys, Map<ModelPath, Position> values) {
    if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        ModelPath p = path.key(e.key());
        keys.put(p, e.keyPosition());
        values.put(p, e.value().position());
        walk(e.value(), p, keys, values);
      }
    } else if (n instanceof SeqNode s) {
      for (int i = 0; i < s.size(); i++) {
        ModelPath p = path.index(i);
        keys.put(p, s.get(i).position());
        values.put(p, s.get(i).position());
        walk(s.get(i), p, keys, values);
      }
    }
  }
}
