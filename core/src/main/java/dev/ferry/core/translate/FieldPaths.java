package dev.ferry.core.translate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dotted field paths of one translation's provenance, each built once: every service's
 * Deployment has a {@code spec.template.spec.containers[0].image}, so the 10,000 links of a large
 * project share one string instead of holding 10,000 equal ones (and building them only once).
 */
final class FieldPaths {
  /** Concurrent: services are translated on several threads (forks of one context share this). */
  private final Map<String, Map<String, String>> byPrefix = new ConcurrentHashMap<>();

  /** {@code field} below {@code prefix}: "a.b" + "c" → "a.b.c", "a" + "[0]" → "a[0]". */
  String join(String prefix, String field) {
    if (prefix.isEmpty()) return field;
    if (field.isEmpty()) return prefix;
    Map<String, String> fields = byPrefix.get(prefix);
    if (fields == null) fields = byPrefix.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
    String joined = fields.get(field);
    if (joined == null) joined = fields.computeIfAbsent(field, f -> f.startsWith("[") ? prefix + f : prefix + "." + f);
    return joined;
  }
}
