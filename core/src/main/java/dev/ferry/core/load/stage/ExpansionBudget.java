package dev.ferry.core.load.stage;

import dev.ferry.core.load.limits.Limits;
import java.util.IdentityHashMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@link Limits#NODES} bound of one file: how many nodes its documents become once aliases and
 * merge keys are expanded. A document whose expansion is over the bound is refused before a single
 * copy is made; the nodes actually produced are counted too.
 */
final class ExpansionBudget {
  private final YamlPositions positions;
  private int produced;
  /** The innermost node found to expand past {@link Parse#MAX_NODES}: where an alias bomb is reported. */
  private Node bombAt;

  ExpansionBudget(YamlPositions positions) {
    this.positions = positions;
  }

  /** Refuses a document (snakeyaml's shared graph) whose expansion would go over the bound. */
  void admit(Node doc) {
    if (produced + expandedSize(doc, new IdentityHashMap<>(), new IdentityHashMap<>(), 0) > Parse.MAX_NODES) {
      produced = Parse.MAX_NODES;
      count(bombAt != null ? bombAt : doc); // refused before any copy is made, at the innermost node over the limit
    }
  }

  /** One node produced; refused past the bound. */
  void count(Node n) {
    if (++produced > Parse.MAX_NODES) {
      throw ParseRefusal.tooLarge(positions.of(n), "aliases expand to more than " + Parse.MAX_NODES
          + " nodes (a YAML alias bomb?) " + Limits.NODES.tag());
    }
  }

  /**
   * How many nodes {@code n} becomes once its aliases are expanded, computed on the shared graph
   * snakeyaml-engine builds (each distinct node once, so linear in the file) and saturating at
   * {@link #Parse.MAX_NODES}: an alias bomb is refused before a single copy is made. Recursive aliases
   * count once (convert reports them); nesting past {@link #Parse.MAX_DEPTH} is refused here too.
   */
  long expandedSize(Node n, IdentityHashMap<Object, Long> memo,
      IdentityHashMap<Object, Boolean> onPath, int depth) {
    // Only an anchored node can be reached twice (through an alias) or contain itself: the others
    // are visited once, so only anchored nodes are remembered.
    boolean shared = n.getAnchor().isPresent();
    if (shared) {
      Long known = memo.get(n);
      if (known != null) return known;
      if (onPath.containsKey(n)) return 1;
    }
    if (depth > Parse.MAX_DEPTH) throw ParseRefusal.tooDeep(positions.of(n), true);
    long size = 1;
    if (shared) onPath.put(n, Boolean.TRUE);
    if (n instanceof SequenceNode seq) {
      for (Node c : seq.getValue()) {
        size = Math.min(size + expandedSize(c, memo, onPath, depth + 1), Parse.MAX_NODES + 1L);
      }
    } else if (n instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        size = Math.min(size + expandedSize(t.getKeyNode(), memo, onPath, depth + 1)
            + expandedSize(t.getValueNode(), memo, onPath, depth + 1), Parse.MAX_NODES + 1L);
      }
    }
    if (shared) {
      onPath.remove(n);
      memo.put(n, size);
    }
    if (size > Parse.MAX_NODES && bombAt == null) bombAt = n;
    return size;
  }
}
