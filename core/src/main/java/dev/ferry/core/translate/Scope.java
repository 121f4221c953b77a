package dev.ferry.core.translate;

import dev.ferry.core.source.ModelPath;

/**
 * Where a mapper is writing: an object (kind, name) and a field prefix inside it, e.g. a
 * Deployment's {@code spec.template.spec.containers[0]}. Mappers record provenance through it, so
 * a container mapper does not need to know which workload holds the container.
 */
public record Scope(String kind, String name, String prefix) {
  public Scope at(String field) {
    return new Scope(kind, name, join(field));
  }

  /** Records that {@code field} (relative to this scope) came from {@code source}. */
  public void from(TranslationContext ctx, String field, ModelPath source) {
    ctx.provenance().from(kind, name, ctx.fieldPaths().join(prefix, field), source);
  }

  public void from(TranslationContext ctx, String field, ModelPath source, String note) {
    ctx.provenance().from(kind, name, ctx.fieldPaths().join(prefix, field), source, note);
  }

  public void defaulted(TranslationContext ctx, String field, String reason) {
    ctx.provenance().defaulted(kind, name, ctx.fieldPaths().join(prefix, field), reason);
  }

  private String join(String field) {
    if (prefix.isEmpty()) return field;
    if (field.isEmpty()) return prefix;
    return field.startsWith("[") ? prefix + field : prefix + "." + field;
  }
}
