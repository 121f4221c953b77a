package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * snakeyaml-engine's node graph to ferry's positioned tree: aliases expanded (each node counted
 * against the {@link ExpansionBudget}), YAML merge keys ({@code <<}) applied with merge cycles
 * reported at the {@code <<}, recursive aliases and duplicate keys reported, the compose tags
 * ({@code !reset}, {@code !override}) kept, scalar and key sizes and mapping widths bounded.
 */
final class TreeBuilder {
  private static final String CODE_SYNTAX = "yaml-syntax";
  private static final String CODE_DUP = "duplicate-key";
  private final Diagnostics diags;
  private final YamlPositions positions;
  private final ExpansionBudget budget;
  /** Collections being converted, innermost last: nesting once aliases and merge keys are expanded. */
  private int expandedDepth;

  TreeBuilder(Diagnostics diags, YamlPositions positions, ExpansionBudget budget) {
    this.diags = diags;
    this.positions = positions;
    this.budget = budget;
  }

  /**
   * Converts a snakeyaml node. {@code onPath} guards against recursive aliases (an anchor used
   * inside itself).
   */
  Node convert(org.snakeyaml.engine.v2.nodes.Node n, IdentityHashMap<Object, Boolean> onPath) {
    budget.count(n);
    String tag = composeTag(n.getTag());
    if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
      return scalar(s, tag);
    }
    boolean shared = n.getAnchor().isPresent(); // only an anchored node can contain itself
    if (shared && onPath.containsKey(n)) {
      diags.error(CODE_SYNTAX, positions.of(n), "recursive alias: a node cannot contain itself");
      return ScalarNode.ofNull(positions.of(n));
    }
    if (++expandedDepth > Parse.MAX_DEPTH) throw ParseRefusal.tooDeep(positions.of(n), true);
    if (shared) onPath.put(n, Boolean.TRUE);
    try {
      if (n instanceof SequenceNode seq) {
        List<Node> items = new ArrayList<>(seq.getValue().size());
        for (org.snakeyaml.engine.v2.nodes.Node c : seq.getValue()) items.add(convert(c, onPath));
        return new SeqNode(items, positions.of(n), tag);
      }
      MappingNode map = (MappingNode) n;
      return mapping(map, tag, onPath);
    } finally {
      if (shared) onPath.remove(n);
      expandedDepth--;
    }
  }

  private ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, String tag) {
    Position p = positions.of(s);
    String v = s.getValue();
    if (Limits.SCALAR_CHARS.exceededBy(v.length())) {
      throw ParseRefusal.tooLarge(p, "scalar of " + v.length() + " characters " + Limits.SCALAR_CHARS.tag());
    }
    return scalar(v, s.getTag(), s.isPlain(), p, tag);
  }

  /** A scalar of resolved tag {@code t}; {@code tag} is its compose tag ({@link #composeTag}). */
  static ScalarNode scalar(String v, Tag t, boolean plain, Position p, String tag) {
    ScalarNode.Kind kind;
    if (t.equals(Tag.STR)) kind = ScalarNode.Kind.STRING;
    else if (t.equals(Tag.INT)) kind = intOrFloat(v);
    else if (t.equals(Tag.FLOAT)) kind = ScalarNode.Kind.FLOAT;
    else if (t.equals(Tag.BOOL)) kind = ScalarNode.Kind.BOOL;
    else if (t.equals(Tag.NULL)) kind = ScalarNode.Kind.NULL;
    else kind = plain ? CoreSchema.kindOf(v) : ScalarNode.Kind.STRING;
    return new ScalarNode(v, kind, !plain, p, tag);
  }

  /** What {@link CoreSchema#kindOf} answers for a value the core schema's INT pattern matches, without its patterns. */
  static ScalarNode.Kind intOrFloat(String v) {
    return CoreSchema.fitsLong(v) ? ScalarNode.Kind.INT : ScalarNode.Kind.FLOAT;
  }

  /** The compose tags we keep; standard tags are implied by the node kind. */
  static String composeTag(Tag t) {
    String v = t.getValue();
    if (v.startsWith(Tag.PREFIX)) return null;
    return v;
  }

  private MapNode mapping(MappingNode map, String tag, IdentityHashMap<Object, Boolean> onPath) {
    LinkedHashMap<String, MapNode.Entry> own = new LinkedHashMap<>();
    List<MapNode> merged = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      org.snakeyaml.engine.v2.nodes.Node k = t.getKeyNode();
      org.snakeyaml.engine.v2.nodes.Node v = t.getValueNode();
      if (k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks
          && ks.isPlain() && "<<".equals(ks.getValue())) {
        mergeSources(ks, v, onPath, merged);
        continue;
      }
      if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks)) {
        diags.error(CODE_SYNTAX, positions.of(k), "mapping keys must be scalars, got a " + (k instanceof SequenceNode ? "sequence" : "mapping"));
        continue;
      }
      budget.count(k);
      String key = ks.getValue();
      if (Limits.SCALAR_CHARS.exceededBy(key.length())) {
        throw ParseRefusal.tooLarge(positions.of(k), "key of " + key.length() + " characters " + Limits.SCALAR_CHARS.tag());
      }
      Position kp = positions.of(k);
      MapNode.Entry prev = own.get(key);
      if (prev != null) {
        diags.error(CODE_DUP, kp, "duplicate key '" + key + "' (first defined at line "
            + prev.keyPosition().line() + ")");
        continue;
      }
      if (Limits.MAPPING_KEYS.exceededBy(own.size() + 1L)) {
        throw ParseRefusal.tooLarge(kp, "mapping with more than " + Limits.MAPPING_KEYS.value() + " keys "
            + Limits.MAPPING_KEYS.tag());
      }
      own.put(key, new MapNode.Entry(key, kp, convert(v, onPath)));
    }
    return merge(own.values(), merged, positions.of(map), tag);
  }

  /**
   * A mapping of its own entries (unique keys, in source order) and the mappings its merge keys
   * ({@code <<}) name: own keys win; among merged maps, earlier ones win; the merged-in keys come
   * first, the file's own keys after them in source order.
   */
  static MapNode merge(Collection<MapNode.Entry> own, List<MapNode> merged, Position at, String tag) {
    if (merged.isEmpty()) {
      MapNode m = MapNode.of(own, at);
      return tag == null ? m : m.withTag(tag);
    }
    LinkedHashMap<String, MapNode.Entry> all = new LinkedHashMap<>();
    for (MapNode m : merged) {
      for (MapNode.Entry e : m.entries()) all.putIfAbsent(e.key(), e);
    }
    for (MapNode.Entry e : own) all.remove(e.key());
    List<MapNode.Entry> result = new ArrayList<>(all.size() + own.size());
    result.addAll(all.values());
    result.addAll(own);
    return MapNode.of(result, at).withTag(tag);
  }

  private void mergeSources(org.snakeyaml.engine.v2.nodes.Node key, org.snakeyaml.engine.v2.nodes.Node v,
      IdentityHashMap<Object, Boolean> onPath, List<MapNode> out) {
    List<org.snakeyaml.engine.v2.nodes.Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
    for (org.snakeyaml.engine.v2.nodes.Node src : sources) {
      if (onPath.containsKey(src)) {
        String anchor = src.getAnchor().map(a -> " (anchor &" + a.getValue() + ")").orElse("");
        diags.error(CODE_SYNTAX, positions.of(key), "merge key '<<' includes a mapping that contains this one" + anchor
            + ": a merge cycle");
        return;
      }
    }
    Node c = convert(v, onPath);
    if (c instanceof MapNode m) {
      out.add(m);
    } else if (c instanceof SeqNode s) {
      for (Node item : s.items()) {
        if (item instanceof MapNode m) out.add(m);
        else diags.error(CODE_SYNTAX, item.position(), "merge key '<<' takes mappings, got " + item.typeName());
      }
    } else {
      diags.error(CODE_SYNTAX, c.position(), "merge key '<<' takes a mapping or a list of mappings, got " + c.typeName());
    }
  }
}
