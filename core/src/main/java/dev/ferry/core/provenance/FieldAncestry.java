package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance fields ({@code spec.template.spec.containers[0].image}) parsed once each, with their
 * ancestors: the objects of one kind repeat the same fields, and placing a link looks up the field
 * and then each ancestor until one was emitted.
 */
final class FieldAncestry {
  private final Map<String, ModelPath[]> parsed = new HashMap<>();

  /** {@code field} parsed and its ancestors, nearest first (the root excluded). */
  ModelPath[] selfAndAncestors(String field) {
    return parsed.computeIfAbsent(field, f -> {
      List<ModelPath> out = new ArrayList<>();
      for (ModelPath p = ModelPath.parse(f); p.size() > 0; p = p.parent()) out.add(p);
      return out.toArray(new ModelPath[0]);
    });
  }
}
