package dev.ferry.core.load;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The SourceMap of the final tree: every key and item, with the position that survived. Lookups
 * walk the (immutable) tree along the path, so no table of every path is built: at 10,000 services
 * that table was hundreds of thousands of paths, built on every load and mostly never read.
 */
final class SourceMaps {
  private SourceMaps() {}

  static SourceMap of(MapNode root) {
    return new SourceMap(new TreeIndex(root));
  }

  private static final class TreeIndex implements SourceMap.Index {
    private final MapNode root;
    private int size = -1;

    TreeIndex(MapNode root) {
      this.root = root;
    }

    @Override
    public Position nearest(ModelPath path) {
      Node n = root;
      Position at = root.position();
      for (Object seg : path.segments()) {
        if (seg instanceof Integer i && n instanceof SeqNode s && i >= 0 && i < s.size()) {
          n = s.get(i);
          at = n.position();
        } else if (seg instanceof String k && n instanceof MapNode m && m.entry(k) != null) {
          MapNode.Entry e = m.entry(k);
          n = e.value();
          at = e.keyPosition();
        } else {
          break;
        }
      }
      return at;
    }

    @Override
    public Position value(ModelPath path) {
      Node n = root;
      for (Object seg : path.segments()) {
        if (seg instanceof Integer i && n instanceof SeqNode s && i >= 0 && i < s.size()) n = s.get(i);
        else if (seg instanceof String k && n instanceof MapNode m && m.has(k)) n = m.get(k);
        else return null;
      }
      return n.position();
    }

    @Override
    public synchronized int size() {
      if (size < 0) {
        int count = 0;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
          Node n = todo.pop();
          count++;
          if (n instanceof MapNode m) for (MapNode.Entry e : m.entries()) todo.push(e.value());
          if (n instanceof SeqNode s) for (Node i : s.items()) todo.push(i);
        }
        size = count;
      }
      return size;
    }
  }
}
