package dev.ferry.core.emit;

import dev.ferry.core.model.Project;
import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ferry config} output: the canonical project as YAML, deterministic (keys sorted, top-level
 * sections in compose's order), with {@code $} re-escaped as {@code $$} so the output can be loaded
 * again with the same meaning.
 */
public final class ConfigWriter {
  private static final List<String> TOP = List.of("name", "include", "services", "networks", "volumes", "secrets", "configs", "models");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConfigWriter() {}

  public static String write(Project p) {
    MapNode tree = p.tree();
    ObjectNode root = F.objectNode();
    root.put("name", p.name());
    for (String k : TOP) {
      if (k.equals("name") || !tree.has(k)) continue;
      root.set(k, convert(tree.get(k)));
    }
    List<String> rest = new ArrayList<>(tree.keys());
    rest.removeAll(TOP);
    rest.remove("version");
    rest.sort(null);
    for (String k : rest) root.set(k, convert(tree.get(k)));
    return Yaml.write(root);
  }

  static JsonNode convert(Node n) {
    if (n instanceof MapNode m) {
      ObjectNode o = F.objectNode();
      List<String> keys = new ArrayList<>(m.keys());
      keys.sort(null);
      for (String k : keys) o.set(k, convert(m.get(k)));
      return o;
    }
    if (n instanceof SeqNode s) {
      ArrayNode a = F.arrayNode();
      for (Node i : s.items()) a.add(convert(i));
      return a;
    }
    ScalarNode sc = (ScalarNode) n;
    return switch (sc.kind()) {
      case NULL -> F.nullNode();
      case BOOL -> F.booleanNode(Boolean.parseBoolean(sc.text()));
      case INT -> F.numberNode(CoreSchema.parseInt(sc.text()));
      case FLOAT -> F.numberNode(Double.parseDouble(sc.text()));
      case STRING -> F.stringNode(sc.text().replace("$", "$$"));
    };
  }
}
