package dev.ferry.core.load.stage;

import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading plain values out of the canonical tree for binding: strings, booleans, lists and maps of
 * strings. Nothing here can fail: a value of another shape reads as absent (the schema check has
 * reported it).
 */
final class PlainReads {
  private PlainReads() {}

  static String str(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && !s.isNull() ? s.asString() : null;
  }

  /** {@code str} of {@code key} in the mapping at {@code map} (e.g. {@code logging.driver}); null when either is absent. */
  static String str(MapNode m, String map, String key) {
    return m.get(map) instanceof MapNode inner ? str(inner, key) : null;
  }

  static boolean bool(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && "true".equalsIgnoreCase(s.text());
  }

  static List<String> strList(Node n) {
    if (!(n instanceof SeqNode s)) return List.of();
    List<String> out = new ArrayList<>(s.size());
    for (Node i : s.items()) if (i instanceof ScalarNode sc && !sc.isNull()) out.add(sc.asString());
    return Collections.unmodifiableList(out);
  }

  static List<String> strListOrNull(Node n) {
    if (n == null || n.isNull()) return null;
    return strList(n);
  }

  static Map<String, String> strMap(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      if (e.value() instanceof ScalarNode sc) out.put(e.key(), sc.asString());
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, String> envMap(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      out.put(e.key(), e.value() instanceof ScalarNode sc && !sc.isNull() ? sc.asString() : null);
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, List<String>> hosts(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) out.put(e.key(), strList(e.value()));
    return Collections.unmodifiableMap(out);
  }
}
