package dev.ferry.core.tree;

import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.List;

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
