package dev.ferry.core.emit;

import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A direct writer of a Jackson tree as block YAML, producing exactly the bytes {@link Yaml}'s
 * mapper (jackson-dataformat-yaml over the snakeyaml-engine emitter) writes, without its event
 * queue and per-scalar analysis objects. It covers what ferry's outputs hold: non-empty mappings
 * and sequences of strings, ints, doubles, booleans and nulls whose text is printable ASCII (plus
 * line breaks in values). For anything else it gives up ({@link #write} returns null) and the
 * caller falls back to the mapper, so the bytes never differ: a key the emitter would write in
 * the explicit {@code ? } form (empty, 128 characters or longer, multi-line), any character
 * outside printable ASCII, numbers of other types, binary and POJO nodes, a scalar or empty root.
 *
 * <p>The style of each string follows the generator's choice ({@link PlainScalars} or a plain
 * number pattern: double quotes; a line break: literal block) and then the emitter's analysis
 * (a plain string that a block reader would misread goes in single quotes; a literal block
 * with trailing spaces on a line goes in double quotes).
 */
final class BlockYaml {
  private static final PlainScalars QUOTING = new PlainScalars();
  /** The emitter writes a key of this length or longer in the explicit {@code ? key} form. */
  private static final int MAX_SIMPLE_KEY = 128;
  private static final String SPACES = " ".repeat(64);
  /**
   * Keys and one-line values as written, by text: manifests repeat the same few hundred keys and
   * label values thousands of times. Bounded; a pure function of the text, so order never matters.
   */
  private static final ScalarCache KEYS = new ScalarCache();
  private static final ScalarCache VALUES = new ScalarCache();

  /** Thrown (without a stack trace) when the tree holds something this writer does not cover. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super(null, null, false, false);
    }
  }

  private final StringBuilder b;
  /** Records each entry's path and position as it is written ({@link #indexed}); null when not asked for. */
  private final LineIndex.Builder index;
  /** The path of the collection being written (when indexing). */
  private ModelPath path = ModelPath.ROOT;
  /** Where the entries start (when indexing). */
  private final LineTracker lines = new LineTracker();

  private BlockYaml(StringBuilder b, LineIndex.Builder index) {
    this.b = b;
    this.index = index;
  }

  /** A text with the index of its lines by path. */
  record Indexed(String text, LineIndex index) {}

  /**
   * The YAML text of {@code root} with its {@link LineIndex}, recorded while writing (the same
   * index parsing the text gives), or null when the mapper must write it.
   */
  static Indexed indexed(JsonNode root) {
    StringBuilder b = new StringBuilder(256);
    LineIndex.Builder ix = new LineIndex.Builder();
    if (!write(root, b, ix)) return null;
    String text = b.toString();
    return new Indexed(text, ix.build(text));
  }

  /** The YAML text of {@code root} (ending with a line break), or null when the mapper must write it. */
  static String write(JsonNode root) {
    StringBuilder b = new StringBuilder(256);
    if (!append(root, b)) return null;
    return b.toString();
  }

  /** Appends the YAML text of {@code root} to {@code b}; false (and {@code b} as it was) when the mapper must write it. */
  static boolean append(JsonNode root, StringBuilder b) {
    return write(root, b, null);
  }

  private static boolean write(JsonNode root, StringBuilder b, LineIndex.Builder index) {
    int mark = b.length();
    try {
      BlockYaml w = new BlockYaml(b, index);
      if (root.isObject() && !root.isEmpty()) w.mapping(root, 0, false);
      else if (root.isArray() && !root.isEmpty()) w.sequence(root, 0, false);
      else throw Unsupported.INSTANCE;
      if (b.charAt(b.length() - 1) != '\n') b.append('\n');
      return true;
    } catch (Unsupported e) {
      b.setLength(mark);
      return false;
    }
  }

  private void line(int indent) {
    line(b, indent);
  }

  /** A new line indented to {@code indent}, unless the text is already at the start of one. */
  static void line(StringBuilder b, int indent) {
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) != '\n') b.append('\n');
    spaces(b, indent);
  }

  private static void spaces(StringBuilder b, int n) {
    while (n > SPACES.length()) {
      b.append(SPACES);
      n -= SPACES.length();
    }
    b.append(SPACES, 0, n);
  }

  /** A block mapping at {@code indent}; {@code inline}: its first key follows a sequence's "- ". */
  private void mapping(JsonNode m, int indent, boolean inline) {
    boolean first = true;
    ModelPath outer = path;
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (!(first && inline)) line(indent);
      first = false;
      int entry = index == null ? -1 : open(outer.key(e.getKey()), b.length());
      key(b, e.getKey());
      b.append(':');
      value(e.getValue(), indent + 2, true);
      if (index != null) close(entry, outer);
    }
  }

  /** A block sequence at {@code indent} (a mapping's sequence is not indented past its keys). */
  private void sequence(JsonNode s, int indent, boolean inline) {
    boolean first = true;
    ModelPath outer = path;
    int i = 0;
    for (JsonNode item : s) {
      if (!(first && inline)) line(indent);
      first = false;
      b.append('-');
      // every item value is written after one space: its node starts there
      int entry = index == null ? -1 : open(outer.index(i), b.length() + 1);
      value(item, indent + 2, false);
      if (index != null) close(entry, outer);
      i++;
    }
  }

  /** Opens the index entry at {@code p}, which starts at offset {@code at} of the text; its children go under {@code p}. */
  private int open(ModelPath p, int at) {
    path = p;
    return lines.open(index, p, b, at);
  }

  private void close(int entry, ModelPath outer) {
    index.close(entry);
    path = outer;
  }

  /** A value after "key:" or "-"; {@code nested}: the indent of a collection or literal block under it. */
  private void value(JsonNode v, int nested, boolean inMapping) {
    switch (v.getNodeType()) {
      case OBJECT -> {
        if (v.isEmpty()) b.append(" {}");
        else if (inMapping) mapping(v, nested, false);
        else {
          b.append(' ');
          mapping(v, nested, true);
        }
      }
      case ARRAY -> {
        if (v.isEmpty()) b.append(" []");
        else if (inMapping) sequence(v, nested - 2, false);
        else {
          b.append(' ');
          sequence(v, nested, true);
        }
      }
      case STRING -> {
        b.append(' ');
        string(b, v.stringValue(), nested);
      }
      case NUMBER -> {
        b.append(' ');
        b.append(number(v));
      }
      case BOOLEAN -> b.append(v.booleanValue() ? " true" : " false");
      case NULL -> b.append(" null");
      default -> throw Unsupported.INSTANCE;
    }
  }

  /** Numbers as the generator prints them (all plain in block context). */
  private static String number(JsonNode v) {
    if (v.isInt() || v.isLong() || v.isShort()) return String.valueOf(v.longValue());
    if (v.isDouble()) return String.valueOf(v.doubleValue());
    if (v.isFloat()) return String.valueOf(v.floatValue());
    throw Unsupported.INSTANCE;
  }

  /** Appends the key {@code k} as written (without its colon). */
  static void key(StringBuilder b, String k) {
    String text = KEYS.get(k);
    if (text == null) text = KEYS.put(k, keyText(k));
    b.append(text);
  }

  private static String keyText(String k) {
    if (k.isEmpty() || k.length() >= MAX_SIMPLE_KEY || !printable(k, false)) throw Unsupported.INSTANCE;
    if (QUOTING.needToQuoteName(k)) return doubleQuoted(k);
    return plainAllowed(k) ? k : singleQuoted(k);
  }

  /** Appends the string value {@code s}; {@code indent}: that of a literal block's lines. */
  static void string(StringBuilder b, String s, int indent) {
    if (s.indexOf('\n') < 0) {
      String text = VALUES.get(s);
      if (text == null) text = VALUES.put(s, lineText(s));
      b.append(text);
    } else {
      if (!printable(s, true)) throw Unsupported.INSTANCE;
      if (s.charAt(s.length() - 1) == ' ' || s.contains(" \n")) b.append(doubleQuoted(s));
      else literal(b, s, indent);
    }
  }

  /** A one-line string value as written. */
  private static String lineText(String s) {
    if (!printable(s, false)) throw Unsupported.INSTANCE;
    if (s.isEmpty() || QUOTING.needToQuoteValue(s) || plainNumber(s)) return doubleQuoted(s);
    return plainAllowed(s) ? s : singleQuoted(s);
  }

  /** Printable ASCII only (and line breaks where {@code breaks}): the emitter escapes or re-encodes the rest. */
  private static boolean printable(String s, boolean breaks) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c < 0x20 || c > 0x7E) && !(breaks && c == '\n')) return false;
    }
    return true;
  }

  /** The generator's number pattern {@code -?[0-9]*(\.[0-9]*)?}: such strings are always double-quoted. */
  private static boolean plainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') i++;
    while (i < n && isDigit(s.charAt(i))) i++;
    if (i < n && s.charAt(i) == '.') i++;
    while (i < n && isDigit(s.charAt(i))) i++;
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The emitter's test for a plain scalar in block context, for one line of printable ASCII: no
   * leading or trailing space, no document marker, no leading indicator, no ": " or " #".
   */
  static boolean plainAllowed(String s) {
    int n = s.length();
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ' || s.startsWith("---") || s.startsWith("...")) return false;
    char c0 = s.charAt(0);
    if ("#,[]{}&*!|>'\"%@`".indexOf(c0) >= 0) return false;
    boolean spaceAfterFirst = n == 1 || s.charAt(1) == ' ';
    if ((c0 == '?' || c0 == ':' || c0 == '-') && spaceAfterFirst) return false;
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (c == ':' && (i + 1 >= n || s.charAt(i + 1) == ' ')) return false;
      if (c == '#' && s.charAt(i - 1) == ' ') return false;
    }
    return true;
  }

  private static String singleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 4).append('\'');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\'') b.append('\'');
      b.append(c);
    }
    return b.append('\'').toString();
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 4).append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** A literal block: indentation hint for a leading space or break, chomping from the trailing breaks. */
  private static void literal(StringBuilder b, String s, int indent) {
    int n = s.length();
    b.append('|');
    if (s.charAt(0) == ' ' || s.charAt(0) == '\n') b.append('2');
    if (s.charAt(n - 1) != '\n') b.append('-');
    else if (n == 1 || s.charAt(n - 2) == '\n') b.append('+');
    b.append('\n');
    int i = 0;
    while (i < n) {
      while (i < n && s.charAt(i) == '\n') {
        b.append('\n');
        i++;
      }
      if (i == n) return;
      spaces(b, indent);
      int end = s.indexOf('\n', i);
      if (end < 0) end = n;
      b.append(s, i, end);
      if (end == n) {
        b.append('\n');
        return;
      }
      i = end;
    }
  }
}
