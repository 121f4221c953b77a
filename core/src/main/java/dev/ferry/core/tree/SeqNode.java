package dev.ferry.core.tree;

import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Position position, String tag) implements Node {
  public SeqNode {
    items = List.copyOf(items);
  }

  public static SeqNode of(List<Node> items, Position p) {
    return new SeqNode(items, p, null);
  }

  @Override
  public SeqNode withTag(String t) {
    return new SeqNode(items, position, t);
  }

  public SeqNode withItems(List<Node> newItems) {
    return new SeqNode(newItems, position, tag);
  }

  /**
   * A copy whose items are mapped by {@code f}; null results drop the item. Copy on change: when
   * every item maps to itself, this node is returned and nothing is allocated.
   */
  public SeqNode mapItems(UnaryOperator<Node> f) {
    List<Node> out = null;
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i);
      Node r = f.apply(n);
      if (out == null && r != n) {
        out = new ArrayList<>(items.size());
        out.addAll(items.subList(0, i));
      }
      if (out != null && r != null) out.add(r);
    }
    return out == null ? this : withItems(out);
  }

  public int size() {
    return items.size();
  }

  public Node get(int i) {
    return items.get(i);
  }

  public SeqNode append(Node n) {
    List<Node> l = new ArrayList<>(items);
    l.add(n);
    return withItems(l);
  }
}
