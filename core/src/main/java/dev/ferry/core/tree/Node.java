package dev.ferry.core.tree;

import dev.ferry.core.source.Position;

/**
 * An immutable YAML node with its source position: the loader's working representation between
 * parsing and binding. Every stage (interpolate, include, extends, merge, canonicalise) maps trees to
 * new trees, so the position of whichever node survives is the position reported.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
  /** Where the value starts. */
  Position position();

  /** An explicit compose tag ({@code !reset}, {@code !override}) or null. */
  String tag();

  Node withTag(String tag);

  default boolean isNull() {
    return this instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL;
  }

  default String typeName() {
    if (this instanceof MapNode) return "mapping";
    if (this instanceof SeqNode) return "sequence";
    return ((ScalarNode) this).kind().label;
  }
}
