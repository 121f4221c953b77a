package dev.ferry.core.helm;

import dev.ferry.core.emit.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chart's values: a tree (key order as built) plus a comment per path saying where the value
 * came from in the compose project. Written as YAML with those comments above the keys.
 */
final class ValuesFile {
  /** Maps written as one YAML value (free-form Kubernetes structures), not key by key. */
  private static final Set<String> OPAQUE = Set.of("resources", "nodeSelector", "affinity", "securityContext",
      "podSecurityContext", "podAnnotations", "commonLabels", "liveness", "readiness", "startup");

  final ObjectNode root = JsonNodeFactory.instance.objectNode();
  /** Path → comment; filled from every core (each service's values on its own). */
  private final Map<List<String>, String> comments = new ConcurrentHashMap<>();
  /** The line of a key that opens a mapping ("web:"), by key: most keys repeat in every service. */
  private final Map<String, String> keyLines = new HashMap<>();

  void comment(List<String> path, String text) {
    if (text != null && !text.isEmpty()) comments.put(List.copyOf(path), text);
  }

  String yaml(String header) {
    StringBuilder b = new StringBuilder(header);
    write(b, root, new ArrayList<>(), "");
    return b.toString();
  }

  private void write(StringBuilder b, ObjectNode node, List<String> path, String indent) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      path.add(e.getKey());
      String c = comments.get(path);
      if (c != null) lines(b, indent + "# ", c);
      JsonNode v = e.getValue();
      if (v instanceof ObjectNode o && !o.isEmpty() && !opaque(path)) {
        b.append(indent).append(keyLines.computeIfAbsent(e.getKey(), ValuesFile::keyLine)).append('\n');
        write(b, o, path, indent + "  ");
      } else {
        ObjectNode one = JsonNodeFactory.instance.objectNode();
        one.set(e.getKey(), v);
        lines(b, indent, Yaml.write(one));
      }
      path.remove(path.size() - 1);
    }
  }

  /** "key:" as the YAML writer writes the key (quoted when it must be). */
  private static String keyLine(String key) {
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.putNull(key);
    return NULL_END.matcher(Yaml.write(k)).replaceFirst("");
  }

  private static final Pattern NULL_END = Pattern.compile(" null\\s*$");

  /** Each line of {@code text} behind {@code prefix}, as {@code split("\n")} gives them (trailing empty lines dropped). */
  private static void lines(StringBuilder b, String prefix, String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') end--;
    if (end == 0 && !text.isEmpty()) return;
    for (int from = 0;;) {
      int nl = text.indexOf('\n', from);
      if (nl < 0 || nl >= end) {
        b.append(prefix).append(text, from, end).append('\n');
        return;
      }
      b.append(prefix).append(text, from, nl).append('\n');
      from = nl + 1;
    }
  }

  /** Whether the value at {@code path} is one free-form structure (documented as a whole). */
  static boolean opaque(List<String> path) {
    String last = path.get(path.size() - 1);
    String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
    if (parent.equals("env") || parent.equals("stringData")) return false;
    return OPAQUE.contains(last);
  }

  /** Every documented leaf: path → value (opaque maps and lists as one value), in file order. */
  List<Map.Entry<List<String>, JsonNode>> leaves() {
    List<Map.Entry<List<String>, JsonNode>> out = new ArrayList<>();
    leaves(root, new ArrayList<>(), out);
    return out;
  }

  private void leaves(ObjectNode node, List<String> path, List<Map.Entry<List<String>, JsonNode>> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      path.add(e.getKey());
      if (e.getValue() instanceof ObjectNode o && !o.isEmpty() && !opaque(path)) leaves(o, path, out);
      else out.add(Map.entry(List.copyOf(path), e.getValue()));
      path.remove(path.size() - 1);
    }
  }
}
