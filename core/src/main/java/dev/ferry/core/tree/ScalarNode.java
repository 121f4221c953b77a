package dev.ferry.core.tree;

import dev.ferry.core.source.Position;

/**
 * A scalar: its source text, its YAML 1.2 core-schema kind, and whether it was quoted (a quoted
 * scalar is always a string; style matters to hygiene rules like ports-unquoted).
 */
public record ScalarNode(String text, Kind kind, boolean quoted, Position position, String tag)
    implements Node {

  public enum Kind {
    STRING("string"),
    INT("integer"),
    FLOAT("number"),
    BOOL("boolean"),
    NULL("null");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  public static ScalarNode string(String s, Position p) {
    return new ScalarNode(s, Kind.STRING, true, p, null);
  }

  public static ScalarNode ofInt(long v, Position p) {
    return new ScalarNode(Long.toString(v), Kind.INT, false, p, null);
  }

  public static ScalarNode ofBool(boolean v, Position p) {
    return new ScalarNode(Boolean.toString(v), Kind.BOOL, false, p, null);
  }

  public static ScalarNode ofNull(Position p) {
    return new ScalarNode("", Kind.NULL, false, p, null);
  }

  /** Re-reads plain text with the YAML 1.2 core schema (used after interpolation). */
  public static ScalarNode plain(String text, Position p) {
    return new ScalarNode(text, CoreSchema.kindOf(text), false, p, null);
  }

  @Override
  public ScalarNode withTag(String t) {
    return new ScalarNode(text, kind, quoted, position, t);
  }

  public ScalarNode withText(String t, Kind k) {
    return new ScalarNode(t, k, quoted, position, tag);
  }

  public boolean isString() {
    return kind == Kind.STRING;
  }

  /** The value as Java sees it: String, Long, Double, Boolean or null. */
  public Object value() {
    return switch (kind) {
      case STRING -> text;
      case INT -> CoreSchema.parseInt(text);
      case FLOAT -> CoreSchema.parseFloat(text);
      case BOOL -> CoreSchema.parseBool(text);
      case NULL -> null;
    };
  }

  /** The value as a string, the way compose would stringify it in an environment map. */
  public String asString() {
    return kind == Kind.NULL ? "" : text;
  }
}
