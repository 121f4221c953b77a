package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose service each emitted object belongs to, for an {@link Alignment}: the service of the
 * object's first link whose source is under {@code services.X}, its own name link first
 * (Service/db is db's, though result's DATABASE_URL gave it its port); an object with no such
 * link (a claim) belongs to the service whose workload has its app name label. Built in one pass
 * over the links, looked up by kind and name (no key string per link).
 */
final class ObjectServices {
  private final Map<String, Map<String, String>> identity = new HashMap<>();
  private final Map<String, Map<String, String>> any = new HashMap<>();

  private ObjectServices() {}

  static ObjectServices of(Provenance p) {
    ObjectServices out = new ObjectServices();
    for (Provenance.Link l : p.links()) {
      ModelPath s = l.source();
      if (s == null || s.size() < 2 || !"services".equals(s.get(0))) continue;
      String svc = (String) s.get(1);
      if (l.field().equals("metadata.name")) out.identity.computeIfAbsent(l.kind(), k -> new HashMap<>()).putIfAbsent(l.name(), svc);
      out.any.computeIfAbsent(l.kind(), k -> new HashMap<>()).putIfAbsent(l.name(), svc);
    }
    return out;
  }

  /** The service of object {@code o}, or null (a project-level object). */
  String of(HasMetadata o) {
    String s = linked(o.getKind(), o.getMetadata().getName());
    return s != null ? s : byLabel(o);
  }

  private String linked(String kind, String name) {
    String s = get(identity, kind, name);
    return s != null ? s : get(any, kind, name);
  }

  private static String get(Map<String, Map<String, String>> m, String kind, String name) {
    Map<String, String> names = m.get(kind);
    return names == null ? null : names.get(name);
  }

  /** An object with no service link (a claim): the service whose workload has its app name label. */
  private String byLabel(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    String app = labels == null ? null : labels.get("app.kubernetes.io/name");
    if (app == null) return null;
    for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")) {
      String s = linked(kind, app);
      if (s != null) return s;
    }
    return null;
  }
}
