package dev.ferry.core.helm;

import dev.ferry.core.emit.ManifestWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Where things are inside an emitted object's tree (the pruned tree {@code convert} prints). */
final class ObjectTrees {
  private ObjectTrees() {}

  /**
   * A fresh, mutable tree of the object, exactly as {@code convert} writes it. None is kept: each
   * reader makes its own and lets it go, so it dies young (20,000 trees held through the chart's
   * values were a few hundred MB of the old generation at 10,000 services).
   */
  static ObjectNode tree(HasMetadata o) {
    return (ObjectNode) ManifestWriter.tree(o);
  }

  /** The Pod template of a workload tree (CronJob: the one inside jobTemplate), or null. */
  static ObjectNode podTemplate(JsonNode tree) {
    JsonNode spec = tree.get("spec");
    if (spec == null) return null;
    JsonNode t = spec.get("template");
    if (t == null && spec.get("jobTemplate") != null) t = spec.get("jobTemplate").path("spec").get("template");
    return t instanceof ObjectNode o ? o : null;
  }

  static ObjectNode podSpec(JsonNode tree) {
    ObjectNode t = podTemplate(tree);
    return t != null && t.get("spec") instanceof ObjectNode s ? s : null;
  }

  /** The service's own container: named after the workload, else the first one. */
  static ObjectNode mainContainer(JsonNode tree) {
    ObjectNode pod = podSpec(tree);
    if (pod == null || pod.get("containers") == null || pod.get("containers").isEmpty()) return null;
    String name = tree.path("metadata").path("name").asString("");
    for (JsonNode c : pod.get("containers")) {
      if (name.equals(c.path("name").asString(""))) return (ObjectNode) c;
    }
    return (ObjectNode) pod.get("containers").get(0);
  }
}
