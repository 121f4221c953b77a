package dev.ferry.core.helm;

import dev.ferry.core.model.Service;
import dev.ferry.core.provenance.Provenance;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a value of values.yaml came from, as the comment above it says: the compose line of a key
 * ("from compose.yaml:12 (services.web.image)"), or the first compose source of an object.
 */
final class ValueSources {
  private final ChartOwnership plan;
  private final ValuesFile out;

  ValueSources(ChartOwnership plan, ValuesFile out) {
    this.plan = plan;
    this.out = out;
  }

  /** Comments {@code base.key} with {@code text} (nothing when null). */
  void comment(List<String> base, String key, String text) {
    out.comment(append(base, key), text);
  }

  static List<String> append(List<String> base, String key) {
    List<String> p = new ArrayList<>(base);
    p.add(key);
    return p;
  }

  /** "from compose.yaml:12 (services.web.image)" for the first key the service has, else null. */
  String first(Service s, String... keys) {
    for (String k : keys) {
      ModelPath p = s.path();
      for (String part : k.split("\\.")) p = p.key(part);
      if (plan.sourceMap.has(p)) return "from " + where(p) + " " + p;
    }
    return null;
  }

  /** "compose.yaml:12", or "" when the path has no known position. */
  String where(ModelPath p) {
    Position pos = plan.sourceMap.position(p);
    return pos.isKnown() ? pos.file() + ":" + pos.line() : "";
  }

  /** " (compose.yaml:12)", or "". */
  String at(ModelPath p) {
    String w = where(p);
    return w.isEmpty() ? "" : " (" + w + ")";
  }

  /** "compose.yaml:30 volumes.data" for the first link of {@code o} with a compose source, else null. */
  String provenanceWhere(HasMetadata o) {
    for (Provenance.Link l : plan.translation.provenance().of(o.getKind(), o.getMetadata().getName())) {
      if (l.source() == null) continue;
      String w = where(l.source());
      return (w.isEmpty() ? "" : w + " ") + l.source();
    }
    return null;
  }
}
