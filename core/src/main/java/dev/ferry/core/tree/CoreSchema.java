package dev.ferry.core.tree;

import java.util.Locale;
import java.util.regex.Pattern;

/** YAML 1.2 core-schema resolution of plain scalars ({@code yes} is a string, {@code true} is not). */
public final class CoreSchema {
  private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private CoreSchema() {}

  /**
   * The characters a null, boolean, integer or float of the core schema can start with: a plain
   * scalar starting with any other (most words, paths, images) is a string without the patterns.
   */
  private static final String FIRST = "nN~tTfF-+.0123456789";

  public static ScalarNode.Kind kindOf(String plain) {
    if (!plain.isEmpty() && FIRST.indexOf(plain.charAt(0)) < 0) return ScalarNode.Kind.STRING;
    return byPatterns(plain);
  }

  /** {@link #kindOf} by the patterns alone (for the test that the first-character shortcut agrees). */
  static ScalarNode.Kind byPatterns(String plain) {
    if (NULL.matcher(plain).matches()) return ScalarNode.Kind.NULL;
    if (BOOL.matcher(plain).matches()) return ScalarNode.Kind.BOOL;
    if (INT.matcher(plain).matches()) {
      return fitsLong(plain) ? ScalarNode.Kind.INT : ScalarNode.Kind.FLOAT;
    }
    if (FLOAT.matcher(plain).matches()) return ScalarNode.Kind.FLOAT;
    return ScalarNode.Kind.STRING;
  }

  /** Whether an integer of the core schema's INT form fits a long (else it is read as a float). */
  public static boolean fitsLong(String s) {
    try {
      parseInt(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static long parseInt(String s) {
    if (s.startsWith("0o")) return Long.parseLong(s.substring(2), 8);
    if (s.startsWith("0x")) return Long.parseLong(s.substring(2), 16);
    return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
  }

  public static double parseFloat(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    if (t.endsWith(".inf")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (t.endsWith(".nan")) return Double.NaN;
    return Double.parseDouble(s);
  }

  public static boolean parseBool(String s) {
    return s.equalsIgnoreCase("true");
  }
}
