package dev.ferry.core.translate;

import java.util.HashMap;
import java.util.Map;

/**
 * The dotted field paths of one translation's provenance, each built once: every service's
 * Deployment has a {@code spec.template.spec.containers[0].image}, so the 10,000 links of a large
 * project share one string instead of holding 10,000 equal ones (and building them only once).
 */
final class FieldPaths {
  private final Map<String, Map<String, String>> byPrefix = new HashMap<>();

  /** {@code field} below {@code prefix}: "a.b" + "c" → "a.b.c", "a" + "[0]" → "a[0]". */
  String join(String prefix, String field) {
    if (prefix.isEmpty()) return field;
    if (field.isEmpty()) return prefix;
    return byPrefix.computeIfAbsent(prefix, p -> new HashMap<>())
        .computeIfAbsent(field, f -> f.startsWith("[") ? prefix + f : prefix + "." + f);
  }
}
