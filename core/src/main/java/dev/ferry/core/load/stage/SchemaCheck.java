package dev.ferry.core.load.stage;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation against the compose-spec JSON schema (the copy bundled from compose-go), every error
 * mapped to the position of the offending node: for an unknown key, the key; for a missing one,
 * the map that lacks it; otherwise the value. The noise of a failed {@code oneOf} (one error per
 * branch) is collapsed into one message per location: the errors of the branch that matched the
 * value's type when there is one, else "must be A or B, got C".
 */
public final class SchemaCheck {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String RESET = "!reset";
  private static volatile Schema schema;

  private SchemaCheck() {}

  /** Compiles the schema if no one has yet (thread-safe; see ComposeLoader.warmUp). */
  public static void warmUp() {
    schema();
  }

  static Schema schema() {
    Schema s = schema;
    if (s == null) {
      synchronized (SchemaCheck.class) {
        if (schema == null) {
          try (InputStream in = SchemaCheck.class.getResourceAsStream("/dev/ferry/core/compose-spec.json")) {
            // preloadSchema(false): sub-schemas compile when a document first needs them, not all up
            // front (compiling the whole compose-spec was most of a cold start).
            SchemaRegistry reg = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().preloadSchema(false).build()));
            schema = reg.getSchema(SchemaLocation.of("https://ferry.dev/schema/compose-spec.json"), in, InputFormat.JSON);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        s = schema;
      }
    }
    return s;
  }

  public static List<Diagnostic> check(MapNode root) {
    if (SchemaProof.valid(root)) return List.of(); // certainly nothing to report
    return check(toJson(root, false), () -> root);
  }

  /**
   * {@link #check} of {@code Merge.stripTags(doc)}, without making that copy unless there are
   * errors to place: the JSON skips what {@code !reset} removes.
   */
  public static List<Diagnostic> checkTagged(MapNode doc) {
    if (SchemaProof.valid(doc)) return List.of(); // certainly nothing to report
    return fully(doc);
  }

  /** {@link #checkTagged} by the full validation, for the test that {@link SchemaProof} never hides an error. */
  static List<Diagnostic> fully(MapNode doc) {
    return check(toJson(doc, true), () -> Merge.stripTags(doc));
  }

  private static List<Diagnostic> check(JsonNode json, Supplier<MapNode> stripped) {
    List<Error> errors = schema().validate(json);
    if (errors.isEmpty()) return List.of();
    MapNode root = stripped.get();
    Map<String, List<Error>> byLocation = new LinkedHashMap<>();
    for (Error e : errors) byLocation.computeIfAbsent(e.getInstanceLocation().toString(), k -> new ArrayList<>()).add(e);
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (List<Error> group : byLocation.values()) {
      report(root, group, byLocation, out);
    }
    List<Diagnostic> sorted = new ArrayList<>(out);
    sorted.sort(Diagnostics.ORDER);
    return sorted;
  }

  private static void report(MapNode root, List<Error> group, Map<String, List<Error>> all, Set<Diagnostic> out) {
    NodePath loc = group.get(0).getInstanceLocation();
    ModelPath path = toModelPath(loc);
    Node node = find(root, path);
    if (node == null) return;
    boolean branchy = group.stream().anyMatch(e -> "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword()));
    List<Error> specific = group.stream().filter(e -> !"oneOf".equals(e.getKeyword()) && !"anyOf".equals(e.getKeyword())
        && !"type".equals(e.getKeyword())).toList();
    List<Error> types = group.stream().filter(e -> "type".equals(e.getKeyword())).toList();
    if (branchy && specific.isEmpty() && hasDeeper(loc, all)) {
      return; // a branch matched the type and failed deeper: those deeper errors say what is wrong
    }
    for (Error e : specific) out.add(specific(root, path, node, e));
    if (specific.isEmpty() && !types.isEmpty()) {
      Set<String> expected = new TreeSet<>();
      for (Error t : types) expected.addAll(expectedTypes(t));
      out.add(Diagnostic.error("schema", node.position(),
          label(path) + " must be " + String.join(" or ", expected) + ", got " + describe(node)));
    } else if (specific.isEmpty() && branchy) {
      out.add(Diagnostic.error("schema", node.position(), label(path) + " does not match any accepted form, got " + describe(node)));
    }
  }

  private static boolean hasDeeper(NodePath loc, Map<String, List<Error>> all) {
    String prefix = loc.toString();
    for (List<Error> g : all.values()) {
      NodePath p = g.get(0).getInstanceLocation();
      if (p.getNameCount() > loc.getNameCount() && p.startsWith(loc) && !p.toString().equals(prefix)) return true;
    }
    return false;
  }

  private static Diagnostic specific(MapNode root, ModelPath path, Node node, Error e) {
    String kw = e.getKeyword();
    String property = e.getProperty();
    if ("additionalProperties".equals(kw) && property != null && node instanceof MapNode m) {
      return Diagnostic.error("schema", m.keyPosition(property),
          label(path) + ": additional property '" + property + "' is not allowed");
    }
    if ("required".equals(kw) && property != null) {
      Position p = path.size() > 0 ? posOfKey(root, path) : node.position();
      return Diagnostic.error("schema", p, label(path) + ": missing required property '" + property + "'");
    }
    if ("enum".equals(kw)) {
      return Diagnostic.error("schema", node.position(), label(path) + " must be one of " + enumValues(e) + ", got " + describe(node));
    }
    String msg = e.getMessage();
    int colon = msg.indexOf(": ");
    if (msg.startsWith("/") && colon > 0) msg = msg.substring(colon + 2);
    return Diagnostic.error("schema", node.position(), label(path) + ": " + msg);
  }

  private static String enumValues(Error e) {
    JsonNode s = e.getSchemaNode();
    if (s != null && s.isArray()) {
      List<String> vs = new ArrayList<>();
      for (JsonNode v : s) vs.add(v.asString());
      return String.join(", ", vs);
    }
    return "the allowed values";
  }

  private static Set<String> expectedTypes(Error e) {
    Set<String> out = new TreeSet<>();
    JsonNode s = e.getSchemaNode();
    if (s != null && s.isArray()) {
      for (JsonNode t : s) out.add(typeName(t.asString()));
    } else if (s != null && s.isString()) {
      out.add(typeName(s.asString()));
    }
    if (out.isEmpty()) out.add("of another type");
    return out;
  }

  private static String typeName(String t) {
    return switch (t) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "a string";
      case "number" -> "a number";
      case "integer" -> "an integer";
      case "boolean" -> "a boolean";
      case "null" -> "null";
      default -> t;
    };
  }

  private static String describe(Node n) {
    if (n instanceof MapNode) return "a mapping";
    if (n instanceof SeqNode) return "a list";
    ScalarNode s = (ScalarNode) n;
    return switch (s.kind()) {
      case STRING -> "string \"" + (s.text().length() > 60 ? s.text().substring(0, 60) + "…" : s.text()) + "\"";
      case NULL -> "null";
      default -> s.kind().label + " " + s.text();
    };
  }

  private static String label(ModelPath p) {
    return p.size() == 0 ? "(top level)" : p.toString();
  }

  private static Position posOfKey(MapNode root, ModelPath path) {
    Node parent = find(root, path.parent());
    Object last = path.last();
    if (parent instanceof MapNode m && last instanceof String k) return m.keyPosition(k);
    Node n = find(root, path);
    return n == null ? root.position() : n.position();
  }

  static ModelPath toModelPath(NodePath p) {
    ModelPath m = ModelPath.ROOT;
    for (int i = 0; i < p.getNameCount(); i++) {
      Object el = p.getElement(i);
      m = el instanceof Integer idx ? m.index(idx) : m.key(String.valueOf(el));
    }
    return m;
  }

  static Node find(Node root, ModelPath path) {
    Node n = root;
    for (Object seg : path.segments()) {
      if (seg instanceof Integer i && n instanceof SeqNode s && i < s.size()) n = s.get(i);
      else if (seg instanceof String k && n instanceof MapNode m && m.has(k)) n = m.get(k);
      else return null;
    }
    return n;
  }

  static JsonNode toJson(Node n) {
    return toJson(n, false);
  }

  /** The JSON of a node; with {@code skipReset}, of the node as {@code Merge.stripTags} leaves it. */
  private static JsonNode toJson(Node n, boolean skipReset) {
    if (n instanceof MapNode m) {
      ObjectNode o = F.objectNode();
      for (MapNode.Entry e : m.entries()) {
        if (!skipReset || !RESET.equals(e.value().tag())) o.set(e.key(), toJson(e.value(), skipReset));
      }
      return o;
    }
    if (n instanceof SeqNode s) {
      ArrayNode a = F.arrayNode(s.size());
      for (Node i : s.items()) if (!skipReset || !RESET.equals(i.tag())) a.add(toJson(i, skipReset));
      return a;
    }
    ScalarNode s = (ScalarNode) n;
    try {
      return switch (s.kind()) {
        case NULL -> F.nullNode();
        case BOOL -> F.booleanNode(Boolean.parseBoolean(s.text()));
        case INT -> F.numberNode(CoreSchema.parseInt(s.text()));
        case FLOAT -> F.numberNode(CoreSchema.parseFloat(s.text()));
        case STRING -> F.stringNode(s.text());
      };
    } catch (NumberFormatException e) {
      return F.stringNode(s.text());
    }
  }
}
