package dev.ferry.core.helm;

import dev.ferry.core.emit.Yaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern TOKEN = Pattern.compile("__ferry(\\d+)__");
  private static final Pattern KEY_LINE = Pattern.compile("^( *)__ferry(\\d+)__: x$");
  private static final Pattern ITEM_LINE = Pattern.compile("^( *)- __ferry(\\d+)__$");

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
      String[] lines = render(item).split("\n");
      for (int i = 0; i < lines.length; i++) b.append(ind).append(i == 0 ? "- " : "  ").append(lines[i]).append('\n');
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

  /** The template text of a tree (ends with a newline). */
  String render(JsonNode tree) {
    String text = Yaml.write(tree).replace("{{", "{{ \"{{\" }}");
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.contains("__ferry")) { // most lines hold no placeholder: skip the three patterns
        out.append(line).append('\n');
        continue;
      }
      Matcher k = KEY_LINE.matcher(line);
      Matcher it = ITEM_LINE.matcher(line);
      if (k.matches()) {
        out.append(holes.get(Integer.parseInt(k.group(2))).apply(k.group(1))).append('\n');
      } else if (it.matches() && !inline.contains(Integer.parseInt(it.group(2)))) {
        out.append(holes.get(Integer.parseInt(it.group(2))).apply(it.group(1))).append('\n');
      } else {
        Matcher m = TOKEN.matcher(line);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
          if (line.substring(0, m.start()).trim().endsWith("-") && line.substring(m.end()).startsWith(": x")) {
            throw new IllegalStateException("a key placeholder cannot start a sequence item: " + line);
          }
          b.append(line, last, m.start()).append(holes.get(Integer.parseInt(m.group(1))).apply(""));
          last = m.end();
        }
        out.append(b).append(line.substring(last)).append('\n');
      }
    }
    return out.toString();
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

  /** A value as compact JSON (Jackson's text): strings, booleans, ints and null directly, anything else through Jackson. */
  static String json(JsonNode v) {
    if (v.isString()) return quote(v.stringValue());
    if (v.isBoolean()) return v.booleanValue() ? "true" : "false";
    if (v.isInt() || v.isLong()) return Long.toString(v.longValue());
    if (v.isNull()) return "null";
    return JSON.writeValueAsString(v);
  }
}
