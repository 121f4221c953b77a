package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A Pod's annotations: compose labels and annotations of its members (they describe, never select). */
final class PodAnnotations {
  private static final Pattern ANNOTATION_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)");

  private PodAnnotations() {}

  /** Compose container labels and annotations become Pod annotations (they describe, never select). */
  static Map<String, String> map(TranslationContext ctx, List<Service> members) {
    Map<String, String> out = new TreeMap<>();
    for (Service m : members) {
      for (Map.Entry<String, String> e : m.identity().labels().entrySet()) {
        ModelPath at = m.path("labels").key(e.getKey());
        String why = Steering.unhonoured(e.getKey());
        if (why != null) ctx.report("steering-invalid", Severity.WARNING, at, m.name(), why);
        if (Steering.isSteeringLabel(e.getKey())) continue;
        annotation(ctx, m, out, e.getKey(), e.getValue(), at);
      }
      for (Map.Entry<String, String> e : m.identity().annotations().entrySet()) {
        annotation(ctx, m, out, e.getKey(), e.getValue(), m.path("annotations").key(e.getKey()));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static void annotation(TranslationContext ctx, Service s, Map<String, String> out, String k, String v, ModelPath at) {
    if (validLabel(k, "")) {
      out.put(k, v == null ? "" : v);
    } else {
      ctx.report("not-translatable", Severity.INFO, at, s.name(),
          "label \"" + k + "\" is not a valid Kubernetes annotation key; it is left out");
    }
  }

  /** The compose labels and annotations of every member that became the Pod's annotations. */
  static void sources(TranslationContext ctx, List<Service> members, Scope scope) {
    for (Service m : members) {
      if (m.has("labels")) scope.from(ctx, "metadata.annotations", m.path("labels"),
          "compose labels describe a container; on Kubernetes they are Pod annotations (labels select, annotations describe)");
      if (m.has("annotations")) scope.from(ctx, "metadata.annotations", m.path("annotations"));
    }
  }

  /** A valid Kubernetes label key (optionally prefixed) and value; an empty value checks the key alone. */
  static boolean validLabel(String key, String value) {
    String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
    String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
    return name.length() <= 63 && ANNOTATION_NAME.matcher(name).matches()
        && (prefix == null || prefix.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"))
        && (value.isEmpty() || (value.length() <= 63 && ANNOTATION_NAME.matcher(value).matches()));
  }
}
