package dev.ferry.core.helm;

import dev.ferry.core.emit.Yaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns an object tree with placeholders into template text. The tree is written by ferry's one
 * YAML writer (so literal parts read exactly like {@code convert} output); placeholders are then
 * replaced line by line: a <em>value</em> placeholder by an inline expression, a <em>key</em>
 * placeholder (a line of its own in a map) by a block of template lines at that indentation, an
 * <em>item</em> placeholder (a sequence item) by a block that renders zero or more items. Literal
 * {@code {{} in the object is escaped so Helm prints it as is.
 */
final class Placeholders {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Function<String, String>> holes = new ArrayList<>();
  private final Set<Integer> inline = new HashSet<>();

  private String token(Function<String, String> f) {
    holes.add(f);
    return "__ferry" + (holes.size() - 1) + "__";
  }

  /** A scalar node replaced by an inline template expression. */
  StringNode value(String expression) {
    String t = token(i -> expression);
    inline.add(holes.size() - 1);
    return StringNode.valueOf(t);
  }

  /** Adds a key placeholder to {@code map}: {@code block} gets the map's indentation. */
  void block(ObjectNode map, Function<String, String> block) {
    map.put(token(block), "x");
  }

  /** A sequence item replaced by a block; {@code block} gets the indentation of the item's dash. */
  StringNode item(Function<String, String> block) {
    return StringNode.valueOf(token(block));
  }

  /** A sequence item kept but rendered only when {@code condition} holds. */
  StringNode conditionalItem(JsonNode item, String condition) {
    return item(ind -> {
      StringBuilder b = new StringBuilder(ind).append("{{- if ").append(condition).append(" }}\n");
      String text = render(item);
      int end = text.length(); // the lines split("\n") gives: trailing empty ones dropped
      while (end > 0 && text.charAt(end - 1) == '\n') end--;
      for (int from = 0; from < end || (from == 0 && text.isEmpty()); ) {
        int nl = text.indexOf('\n', from);
        int stop = nl < 0 || nl > end ? end : nl;
        b.append(ind).append(from == 0 ? "- " : "  ").append(text, from, stop).append('\n');
        if (stop >= end) break;
        from = stop + 1;
      }
      return b.append(ind).append("{{- end }}").toString();
    });
  }

  /**
   * The template text of a whole object's tree; the placeholders made for it are then forgotten
   * (their numbers start again at 0: a token is always replaced, so its number never shows).
   */
  String renderAll(JsonNode tree) {
    String text = render(tree);
    holes.clear();
    inline.clear();
    return text;
  }

  /**
   * The template text of a tree (ends with a newline): the YAML text's lines, each ended by a newline
   * as {@code split("\n")} gives them, with the placeholder lines replaced. Runs of lines without a
   * placeholder are copied in one piece, and lines are matched by hand, not by regular expressions:
   * a chart renders a template for every object, so per-line copies and matchers were most of its garbage.
   */
  String render(JsonNode tree) {
    String text = Yaml.write(tree).replace("{{", "{{ \"{{\" }}");
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') end--;
    if (end == 0) return text.isEmpty() ? "\n" : "";
    StringBuilder out = new StringBuilder(end + 256);
    int copied = 0; // text before this index is in out
    for (int at = text.indexOf(MARK); at >= 0 && at < end; ) {
      int start = text.lastIndexOf('\n', at) + 1;
      int stop = text.indexOf('\n', at);
      if (stop < 0 || stop > end) stop = end;
      out.append(text, copied, start);
      line(out, text.substring(start, stop));
      out.append('\n');
      copied = Math.min(stop + 1, end);
      at = stop >= end ? -1 : text.indexOf(MARK, stop);
    }
    if (copied < end) out.append(text, copied, end).append('\n');
    return out.toString();
  }

  private static final String MARK = "__ferry";

  /** One line holding a placeholder: a key line, an item line or inline tokens. */
  private void line(StringBuilder out, String line) {
    int ind = 0;
    while (ind < line.length() && line.charAt(ind) == ' ') ind++;
    int key = whole(line, ind, ": x");
    if (key >= 0) {
      out.append(holes.get(key).apply(line.substring(0, ind)));
      return;
    }
    int item = line.startsWith("- ", ind) ? whole(line, ind + 2, "") : -1;
    if (item >= 0 && !inline.contains(item)) {
      out.append(holes.get(item).apply(line.substring(0, ind)));
      return;
    }
    int last = 0;
    for (int m = line.indexOf(MARK); m >= 0; m = line.indexOf(MARK, m + 1)) {
      int digits = m + MARK.length();
      int d = digits;
      while (d < line.length() && isDigit(line.charAt(d))) d++;
      if (d == digits || !line.startsWith("__", d)) continue;
      int tokenEnd = d + 2;
      if (endsWithDash(line, m) && line.startsWith(": x", tokenEnd)) {
        throw new IllegalStateException("a key placeholder cannot start a sequence item: " + line);
      }
      out.append(line, last, m).append(holes.get(Integer.parseInt(line, digits, d, 10)).apply(""));
      last = tokenEnd;
      m = tokenEnd - 1;
    }
    out.append(line, last, line.length());
  }

  /** The number of the token that is all of {@code line} from {@code from} followed by {@code tail}, or -1. */
  private static int whole(String line, int from, String tail) {
    if (!line.startsWith(MARK, from)) return -1;
    int digits = from + MARK.length();
    int d = digits;
    while (d < line.length() && isDigit(line.charAt(d))) d++;
    if (d == digits || !line.startsWith("__", d) || line.length() != d + 2 + tail.length() || !line.startsWith(tail, d + 2)) return -1;
    return Integer.parseInt(line, digits, d, 10);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether the text before {@code at}, trimmed, ends with a dash. */
  private static boolean endsWithDash(String line, int at) {
    int i = at - 1;
    while (i >= 0 && line.charAt(i) <= ' ') i--;
    return i >= 0 && line.charAt(i) == '-';
  }

  /** {@code key: toYaml(expr)} when expr is non-empty, at indentation {@code ind}. */
  static String withYaml(String ind, String expr, String key) {
    int n = ind.length() + 2;
    return ind + "{{- with " + expr + " }}\n" + ind + key + ":\n" + ind + "  {{- toYaml . | nindent " + n + " }}\n" + ind + "{{- end }}";
  }

  /** {@code key: "value"} when expr is non-empty. */
  static String withString(String ind, String expr, String key) {
    return ind + "{{- with " + expr + " }}\n" + ind + key + ": {{ . | toJson }}\n" + ind + "{{- end }}";
  }

  /** A Go template string literal (JSON string syntax is a subset Go's parser accepts). */
  static String quote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return JSON.writeValueAsString(s); // escapes: Jackson's
    }
    return "\"" + s + "\""; // printable ASCII without quote or backslash: Jackson writes it as is
  }

  /**
   * A value as compact JSON (Jackson's text): strings, booleans, ints, null and maps and lists of them
   * directly (the README writes one per value: an empty map or list is most of them), anything else
   * through Jackson.
   */
  static String json(JsonNode v) {
    String s = scalar(v);
    if (s != null) return s;
    if (v.isContainer()) {
      StringBuilder b = new StringBuilder();
      if (container(b, v)) return b.toString();
    }
    return JSON.writeValueAsString(v);
  }

  private static String scalar(JsonNode v) {
    if (v.isString()) return quote(v.stringValue());
    if (v.isBoolean()) return v.booleanValue() ? "true" : "false";
    if (v.isInt() || v.isLong()) return Long.toString(v.longValue());
    if (v.isNull()) return "null";
    return null;
  }

  /** Appends a map or list as Jackson writes it compactly; false when something in it is none of json's direct cases. */
  private static boolean container(StringBuilder b, JsonNode v) {
    if (v.isObject()) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        if (!first) b.append(',');
        first = false;
        if (!element(b.append(quote(e.getKey())).append(':'), e.getValue())) return false;
      }
      b.append('}');
    } else {
      b.append('[');
      for (int i = 0; i < v.size(); i++) if (!element(i == 0 ? b : b.append(','), v.get(i))) return false;
      b.append(']');
    }
    return true;
  }

  private static boolean element(StringBuilder b, JsonNode v) {
    String s = scalar(v);
    if (s != null) {
      b.append(s);
      return true;
    }
    return v.isContainer() && container(b, v);
  }
}
