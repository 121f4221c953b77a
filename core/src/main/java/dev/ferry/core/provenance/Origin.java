package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where an object as a whole came from: its first identity link (the object, its name, data or
 * spec) with a compose source, else its object-level default, else its first default with a
 * reason. This is the comment {@code convert --annotate} and the chart's templates put above the
 * object. {@link Alignment#origin} applies it to the links it placed; {@link #placed} decides the
 * same placement from the object's tree alone, for the chart, which needs no manifest text.
 */
public final class Origin {
  /** Fields whose link names where a whole object came from. */
  private static final List<String> IDENTITY = List.of("", "metadata.name", "data", "stringData", "spec");

  private Origin() {}

  /** The position in {@code links} (an object's placed links, in order) of its origin, or -1. */
  static int pick(List<Provenance.Link> links) {
    for (int i = 0; i < links.size(); i++) {
      Provenance.Link l = links.get(i);
      if (l.source() != null && IDENTITY.contains(l.field())) return i;
    }
    for (int i = 0; i < links.size(); i++) if (links.get(i).source() == null && links.get(i).field().isEmpty()) return i;
    for (int i = 0; i < links.size(); i++) if (links.get(i).source() == null && links.get(i).note() != null) return i;
    return -1;
  }

  /**
   * The origin among {@code links} (one object's links, in order) that {@link Alignment} would
   * place on an object whose convert tree is {@code tree}: a link is placed when its field, or an
   * ancestor of it, is in the tree, and its compose source (if any) has a known position.
   */
  public static Optional<Provenance.Link> placed(List<Provenance.Link> links, JsonNode tree, SourceMap sourceMap) {
    // pick(links that are placed), with the tree and the source map asked only about the links pick could choose:
    // the first placed identity link wins at once; else the first placed object default; else the first placed note
    Provenance.Link objectDefault = null;
    Provenance.Link noted = null;
    for (Provenance.Link l : links) {
      boolean identity = l.source() != null && IDENTITY.contains(l.field());
      boolean object = objectDefault == null && l.source() == null && l.field().isEmpty();
      boolean note = noted == null && l.source() == null && l.note() != null;
      if (!identity && !object && !note) continue;
      if (!inTree(tree, l.field())) continue;
      if (l.source() != null && !sourceMap.position(l.source()).isKnown()) continue;
      if (identity) return Optional.of(l);
      if (object) objectDefault = l;
      if (note) noted = l;
    }
    return Optional.ofNullable(objectDefault != null ? objectDefault : noted);
  }

  /** Whether {@code field} (a dotted path; empty: the object) or one of its ancestors is in {@code tree}. */
  private static boolean inTree(JsonNode tree, String field) {
    if (field == null || field.isEmpty()) return true;
    for (ModelPath p = ModelPath.parse(field); p.size() > 0; p = p.parent()) if (at(tree, p) != null) return true;
    return false;
  }

  /** The node at {@code p} under {@code root}, or null. */
  public static JsonNode at(JsonNode root, ModelPath p) {
    JsonNode n = root;
    for (int i = 0; i < p.size() && n != null; i++) {
      Object seg = p.get(i);
      n = seg instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(seg));
    }
    return n;
  }

  /**
   * The origin as a comment line ("# from compose.yaml:12 services.web", "# ferry default: why"),
   * or "" without one: the comment of convert --annotate (ManifestWriter.comment) and of the chart templates.
   */
  public static String comment(Optional<Provenance.Link> origin, SourceMap sm) {
    return origin.map(l -> {
      if (l.source() == null) return "# ferry default: " + l.note() + "\n";
      Position pos = sm.position(l.source());
      String where = pos != null && pos.isKnown() ? pos.file() + ":" + pos.line() + " " : "";
      return "# from " + where + l.source() + "\n";
    }).orElse("");
  }
}
