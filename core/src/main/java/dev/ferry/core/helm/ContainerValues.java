package dev.ferry.core.helm;

import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.Service;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values of one service's workload: image, replicas, resources, env, probes and the Pod's
 * settings, read from the workload as {@code convert} emits it and commented with their compose
 * source.
 */
final class ContainerValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** One service's values node, its compose service, and the path its comments go under. */
  record Target(ObjectNode v, Service s, List<String> base) {}

  private final ValuesFile out;
  private final ValueSources sources;

  ContainerValues(ValuesFile out, ValueSources sources) {
    this.out = out;
    this.sources = sources;
  }

  /** repository, tag and digest when the image reference splits cleanly, else the whole reference as repository. */
  void image(Target sv, ObjectNode c) {
    ObjectNode image = sv.v().putObject("image");
    String raw = c.path("image").asString("");
    ImageRef ref = ImageRef.parse(raw);
    if (Images.join(ref.repository(), ref.tag(), ref.digest()).equals(raw)) {
      image.put("repository", ref.repository());
      image.put("tag", ref.tag() == null ? "" : ref.tag());
      image.put("digest", ref.digest() == null ? "" : ref.digest());
    } else {
      image.put("repository", raw);
      image.put("tag", "");
      image.put("digest", "");
    }
    image.put("pullPolicy", c.path("imagePullPolicy").asString(""));
    sources.comment(sv.base(), "image", sources.first(sv.s(), "image", "build"));
  }

  /** replicas, for a workload that has them (a DaemonSet or Job has none). */
  void replicas(Target sv, ObjectNode tree) {
    if (!tree.path("spec").has("replicas")) return;
    sv.v().set("replicas", tree.path("spec").get("replicas"));
    String r = sources.first(sv.s(), "deploy.replicas", "scale");
    sources.comment(sv.base(), "replicas", r == null ? "ferry default (compose runs one container)" : r);
  }

  void resources(Target sv, ObjectNode c) {
    sv.v().set("resources", c.has("resources") ? c.get("resources") : F.objectNode());
    sources.comment(sv.base(), "resources", sources.first(sv.s(), "deploy.resources", "mem_limit", "cpus"));
  }

  /** The literal env values (secretKeyRefs stay in the template), each commented with its compose line. */
  void env(Target sv, ObjectNode c) {
    ObjectNode env = sv.v().putObject("env");
    if (c.get("env") == null) return;
    for (JsonNode e : c.get("env")) {
      if (!e.has("value")) continue;
      String k = e.path("name").asString();
      env.set(k, e.get("value"));
      String w = sources.where(sv.s().path("environment").key(k));
      out.comment(ValueSources.append(ValueSources.append(sv.base(), "env"), k), w.isEmpty() ? null : "from " + w);
    }
  }

  /** The container's probes as convert wrote them. */
  void probes(Target sv, ObjectNode c) {
    ObjectNode probes = sv.v().putObject("probes");
    for (String kind : List.of("liveness", "readiness", "startup")) {
      if (c.has(kind + "Probe")) probes.set(kind, c.get(kind + "Probe"));
    }
    sources.comment(sv.base(), "probes", sources.first(sv.s(), "healthcheck"));
  }

  /** The Pod-level values: annotations, scheduling, the container's and the Pod's security contexts. */
  void podValues(Target sv, ObjectNode tpl, ObjectNode pod, ObjectNode c) {
    ObjectNode v = sv.v();
    v.set("podAnnotations", tpl.path("metadata").has("annotations") ? tpl.path("metadata").get("annotations") : F.objectNode());
    sources.comment(sv.base(), "podAnnotations", sources.first(sv.s(), "annotations", "labels"));
    v.set("nodeSelector", pod.has("nodeSelector") ? pod.get("nodeSelector") : F.objectNode());
    v.set("tolerations", pod.has("tolerations") ? pod.get("tolerations") : F.arrayNode());
    v.set("affinity", pod.has("affinity") ? pod.get("affinity") : F.objectNode());
    sources.comment(sv.base(), "nodeSelector", sources.first(sv.s(), "deploy.placement"));
    v.set("securityContext", c.has("securityContext") ? c.get("securityContext") : F.objectNode());
    String sec = sources.first(sv.s(), "user", "privileged", "read_only", "cap_add", "cap_drop", "security_opt");
    sources.comment(sv.base(), "securityContext", (sec == null ? "" : sec + "; ")
        + "allowPrivilegeEscalation: false and the seccomp profile are ferry's defaults");
    v.set("podSecurityContext", pod.has("securityContext") ? pod.get("securityContext") : F.objectNode());
  }
}
