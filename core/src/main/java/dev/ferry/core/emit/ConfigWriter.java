package dev.ferry.core.emit;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.model.Project;
import dev.ferry.core.tree.CoreSchema;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ferry config} output: the canonical project as YAML, deterministic (keys sorted, top-level
 * sections in compose's order), with {@code $} re-escaped as {@code $$} so the output can be loaded
 * again with the same meaning.
 *
 * <p>The text is written in pieces: each top-level section, and the services in slices of
 * {@value #SLICE} on every core, each slice a small tree written by {@link BlockYaml} at the top
 * level and then indented under {@code services:}. That is the same text as the whole tree written
 * at once (a block mapping's lines only differ by their indentation; the empty lines of a literal
 * block carry none), without the whole project as a Jackson tree. When {@link BlockYaml} does not
 * cover a piece, the whole tree goes through the mapper as before.
 */
public final class ConfigWriter {
  private static final List<String> TOP = List.of("name", "include", "services", "networks", "volumes", "secrets", "configs", "models");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Services per piece written on one core. */
  static final int SLICE = 128;
  private static final String INDENT = "  ";

  private ConfigWriter() {}

  /** The whole text. */
  public static String write(Project p) {
    StringBuilder b = new StringBuilder();
    write(p, b::append);
    return b.toString();
  }

  /** The text handed to {@code out} in consecutive pieces, in order. */
  public static void write(Project p, Consumer<String> out) {
    List<Section> sections = sections(p);
    List<Piece> pieces = new ArrayList<>();
    for (Section s : sections) {
      if (s.value() instanceof MapNode m && s.key().equals("services") && m.size() > SLICE) {
        List<String> names = sorted(m);
        for (List<String> slice : OnEveryCore.slices(names, SLICE)) pieces.add(new Piece(null, m, slice));
      } else {
        pieces.add(new Piece(s, null, null));
      }
    }
    List<String> texts = OnEveryCore.map(pieces, Piece::text);
    if (texts.contains(null)) {
      out.accept(Yaml.write(root(sections))); // the mapper: BlockYaml does not cover something
      return;
    }
    boolean servicesOpened = false;
    for (int i = 0; i < texts.size(); i++) {
      Piece piece = pieces.get(i);
      if (piece.section() == null && !servicesOpened) {
        out.accept("services:\n");
        servicesOpened = true;
      }
      out.accept(texts.get(i));
    }
  }

  /** The whole tree written at once (what {@link #write} must equal; for its test). */
  static String whole(Project p) {
    return Yaml.write(root(sections(p)));
  }

  /** A top-level key and its value: a node of the tree, or {@code fixed} (the project's name, written as it is). */
  private record Section(String key, Node value, JsonNode fixed) {
    JsonNode json() {
      return fixed != null ? fixed : convert(value);
    }
  }

  /** A top-level section, or a slice of the services (their names, sorted). */
  private record Piece(Section section, MapNode services, List<String> names) {
    /** The piece's text, or null when {@link BlockYaml} does not cover it. */
    String text() {
      ObjectNode o = F.objectNode();
      if (section != null) {
        o.set(section.key(), section.json());
        return BlockYaml.write(o);
      }
      for (String n : names) o.set(n, convert(services.get(n)));
      String t = BlockYaml.write(o);
      return t == null ? null : indented(t);
    }
  }

  private static List<Section> sections(Project p) {
    MapNode tree = p.tree();
    List<Section> out = new ArrayList<>();
    out.add(new Section("name", null, p.name() == null ? F.nullNode() : F.stringNode(p.name())));
    for (String k : TOP) {
      if (k.equals("name") || !tree.has(k)) continue;
      out.add(new Section(k, tree.get(k), null));
    }
    List<String> rest = new ArrayList<>(tree.keys());
    rest.removeAll(TOP);
    rest.remove("version");
    rest.sort(null);
    for (String k : rest) out.add(new Section(k, tree.get(k), null));
    return out;
  }

  private static ObjectNode root(List<Section> sections) {
    ObjectNode root = F.objectNode();
    for (Section s : sections) root.set(s.key(), s.json());
    return root;
  }

  /** {@code text} (lines ending with a line break) indented by two spaces, except its empty lines. */
  static String indented(String text) {
    int n = text.length();
    StringBuilder b = new StringBuilder(n + n / 8);
    for (int i = 0; i < n; ) {
      int end = text.indexOf('\n', i);
      if (end < 0) end = n - 1;
      if (end > i) b.append(INDENT);
      b.append(text, i, end + 1);
      i = end + 1;
    }
    return b.toString();
  }

  private static List<String> sorted(MapNode m) {
    String[] keys = m.keyArray();
    Arrays.sort(keys);
    return Arrays.asList(keys);
  }

  static JsonNode convert(Node n) {
    if (n instanceof MapNode m) {
      ObjectNode o = F.objectNode();
      for (String k : sorted(m)) o.set(k, convert(m.get(k)));
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
