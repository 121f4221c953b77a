package dev.ferry.core.helm;

import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.provenance.Provenance;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds values.yaml from the objects {@code convert} emits (so the defaults render them exactly),
 * with a comment on each value naming the compose line it came from.
 */
final class Values {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ChartOwnership plan;
  private final ValuesFile out = new ValuesFile();

  private Values(ChartOwnership plan) {
    this.plan = plan;
  }

  static ValuesFile build(ChartOwnership plan) {
    return new Values(plan).run();
  }

  private ValuesFile run() {
    ObjectNode root = out.root;
    root.put("namePrefix", "");
    out.comment(List.of("namePrefix"), "Object names are the compose service names unless a prefix is set (see README.md).");
    root.putArray("imagePullSecrets");
    root.putObject("commonLabels");
    ObjectNode services = root.putObject("services");
    for (Map.Entry<String, HasMetadata> w : plan.workloads.entrySet()) {
      service(services.putObject(w.getKey()), w.getKey(), w.getValue());
    }
    ObjectNode secrets = F.objectNode();
    for (HasMetadata o : plan.translation.objects()) {
      if (!o.getKind().equals("Secret")) continue;
      ObjectNode t = ObjectTrees.tree(o);
      String name = o.getMetadata().getName();
      ObjectNode s = secrets.putObject(name);
      s.put("existingSecret", "");
      ObjectNode data = s.putObject("stringData");
      if (t.get("stringData") instanceof ObjectNode sd) data.setAll(sd);
      List<String> p = List.of("secrets", name);
      String from = provenanceWhere(o);
      out.comment(p, "Secret " + name + (from == null ? "" : ", from " + from)
          + "\nDefaults are the values the compose project holds; replace them or set existingSecret before a real install.");
    }
    root.set("secrets", secrets);
    return out;
  }

  /** One service's values, in the order values.yaml lists them, each commented with its compose source. */
  private void service(ObjectNode v, String svc, HasMetadata workload) {
    Service s = plan.project.service(svc);
    ServiceValues sv = new ServiceValues(v, s, List.of("services", svc));
    out.comment(sv.base(), "compose service " + svc + at(s.path()));
    ObjectNode tree = ObjectTrees.tree(workload);
    ObjectNode c = ObjectTrees.mainContainer(tree);
    v.put("enabled", true);
    image(sv, c);
    replicas(sv, tree);
    v.set("resources", c.has("resources") ? c.get("resources") : F.objectNode());
    comment(sv.base(), "resources", first(s, "deploy.resources", "mem_limit", "cpus"));
    env(sv, c);
    serviceAndIngress(sv, workload);
    v.set("persistence", persistence(svc));
    probes(sv, c);
    podValues(sv, ObjectTrees.podTemplate(tree), ObjectTrees.podSpec(tree), c);
  }

  /** One service's values node, its compose service, and the path its comments go under. */
  private record ServiceValues(ObjectNode v, Service s, List<String> base) {}

  /** repository, tag and digest when the image reference splits cleanly, else the whole reference as repository. */
  private void image(ServiceValues sv, ObjectNode c) {
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
    comment(sv.base(), "image", first(sv.s(), "image", "build"));
  }

  /** replicas, for a workload that has them (a DaemonSet or Job has none). */
  private void replicas(ServiceValues sv, ObjectNode tree) {
    if (!tree.path("spec").has("replicas")) return;
    sv.v().set("replicas", tree.path("spec").get("replicas"));
    String r = first(sv.s(), "deploy.replicas", "scale");
    comment(sv.base(), "replicas", r == null ? "ferry default (compose runs one container)" : r);
  }

  /** The literal env values (secretKeyRefs stay in the template), each commented with its compose line. */
  private void env(ServiceValues sv, ObjectNode c) {
    ObjectNode env = sv.v().putObject("env");
    if (c.get("env") == null) return;
    for (JsonNode e : c.get("env")) {
      if (!e.has("value")) continue;
      String k = e.path("name").asString();
      env.set(k, e.get("value"));
      String w = where(sv.s().path("environment").key(k));
      out.comment(append(append(sv.base(), "env"), k), w.isEmpty() ? null : "from " + w);
    }
  }

  /** The Service's type and ports, and the ingress values when it has a port to route to. */
  private void serviceAndIngress(ServiceValues sv, HasMetadata workload) {
    HasMetadata svcObj = find("Service", workload.getMetadata().getName());
    if (svcObj == null) return;
    ObjectNode st = ObjectTrees.tree(svcObj);
    ObjectNode service = sv.v().putObject("service");
    service.put("type", st.path("spec").path("type").asString("ClusterIP"));
    service.set("ports", st.path("spec").get("ports") == null ? F.arrayNode() : st.path("spec").get("ports"));
    comment(sv.base(), "service", first(sv.s(), "ports", "expose"));
    if (!service.path("ports").isEmpty()) ingress(sv.v(), sv.s(), sv.base(), st); // headless, no port: nothing to route to
  }

  /** One entry per claim this service owns (the first service that mounts it). */
  private ObjectNode persistence(String svc) {
    ObjectNode persistence = F.objectNode();
    for (String claim : plan.claimUsers.keySet()) {
      if (!svc.equals(plan.claimOwner(claim))) continue;
      ObjectNode pvc = ObjectTrees.tree(find("PersistentVolumeClaim", claim));
      ObjectNode p = persistence.putObject(claim);
      p.put("enabled", true);
      p.put("size", pvc.path("spec").path("resources").path("requests").path("storage").asString("1Gi"));
      p.put("storageClass", pvc.path("spec").path("storageClassName").asString(""));
      p.set("accessModes", pvc.path("spec").has("accessModes") ? pvc.path("spec").get("accessModes") : F.arrayNode().add("ReadWriteOnce"));
      String from = provenanceWhere(find("PersistentVolumeClaim", claim));
      List<String> users = plan.claimUsers.get(claim);
      out.comment(List.of("services", svc, "persistence", claim), "PersistentVolumeClaim " + claim
          + (from == null ? "" : ", from " + from) + (users.size() > 1 ? "; also mounted by " + String.join(", ", users.subList(1, users.size())) : ""));
    }
    return persistence;
  }

  /** The container's probes as convert wrote them. */
  private void probes(ServiceValues sv, ObjectNode c) {
    ObjectNode probes = sv.v().putObject("probes");
    for (String kind : List.of("liveness", "readiness", "startup")) {
      if (c.has(kind + "Probe")) probes.set(kind, c.get(kind + "Probe"));
    }
    comment(sv.base(), "probes", first(sv.s(), "healthcheck"));
  }

  /** The Pod-level values: annotations, scheduling, the container's and the Pod's security contexts. */
  private void podValues(ServiceValues sv, ObjectNode tpl, ObjectNode pod, ObjectNode c) {
    ObjectNode v = sv.v();
    v.set("podAnnotations", tpl.path("metadata").has("annotations") ? tpl.path("metadata").get("annotations") : F.objectNode());
    comment(sv.base(), "podAnnotations", first(sv.s(), "annotations", "labels"));
    v.set("nodeSelector", pod.has("nodeSelector") ? pod.get("nodeSelector") : F.objectNode());
    v.set("tolerations", pod.has("tolerations") ? pod.get("tolerations") : F.arrayNode());
    v.set("affinity", pod.has("affinity") ? pod.get("affinity") : F.objectNode());
    comment(sv.base(), "nodeSelector", first(sv.s(), "deploy.placement"));
    v.set("securityContext", c.has("securityContext") ? c.get("securityContext") : F.objectNode());
    String sec = first(sv.s(), "user", "privileged", "read_only", "cap_add", "cap_drop", "security_opt");
    comment(sv.base(), "securityContext", (sec == null ? "" : sec + "; ") + "allowPrivilegeEscalation: false and the seccomp profile are ferry's defaults");
    v.set("podSecurityContext", pod.has("securityContext") ? pod.get("securityContext") : F.objectNode());
  }

  private void ingress(ObjectNode v, Service s, List<String> base, ObjectNode serviceTree) {
    HasMetadata obj = find("Ingress", serviceTree.path("metadata").path("name").asString());
    // several hosts (kompose.service.expose "a,b"): the Ingress is rendered as convert wrote it, not from values
    if (obj != null && ObjectTrees.tree(obj).path("spec").path("rules").size() > 1) return;
    ObjectNode in = v.putObject("ingress");
    JsonNode ports = serviceTree.path("spec").path("ports");
    int port = ports.isArray() && !ports.isEmpty() ? ports.get(0).path("port").asInt(80) : 80;
    if (obj == null) {
      in.put("enabled", false);
      in.put("className", "");
      in.put("host", "");
      in.put("path", "/");
      in.put("port", port);
      in.putArray("tls");
      out.comment(append(base, "ingress"), "no Ingress in compose; enable one here (x-ferry ingress steering sets these)");
      return;
    }
    ObjectNode t = ObjectTrees.tree(obj);
    JsonNode rule = t.path("spec").path("rules").path(0);
    JsonNode path = rule.path("http").path("paths").path(0);
    in.put("enabled", true);
    in.put("className", t.path("spec").path("ingressClassName").asString(""));
    in.put("host", rule.path("host").asString(""));
    in.put("path", path.path("path").asString("/"));
    in.put("port", path.path("backend").path("service").path("port").path("number").asInt(port));
    in.set("tls", t.path("spec").has("tls") ? t.path("spec").get("tls") : F.arrayNode());
    String from = provenanceWhere(obj);
    out.comment(append(base, "ingress"), from == null ? null : "from " + from);
  }

  private HasMetadata find(String kind, String name) {
    for (HasMetadata o : plan.translation.objects()) {
      if (o.getKind().equals(kind) && o.getMetadata().getName().equals(name)) return o;
    }
    return null;
  }

  private void comment(List<String> base, String key, String text) {
    out.comment(append(base, key), text);
  }

  private static List<String> append(List<String> base, String key) {
    List<String> p = new ArrayList<>(base);
    p.add(key);
    return p;
  }

  /** "from compose.yaml:12 (services.web.image)" for the first key the service has, else "ferry default". */
  private String first(Service s, String... keys) {
    for (String k : keys) {
      ModelPath p = s.path();
      for (String part : k.split("\\.")) p = p.key(part);
      if (plan.sourceMap.has(p)) return "from " + where(p) + " " + p;
    }
    return null;
  }

  private String where(ModelPath p) {
    Position pos = plan.sourceMap.position(p);
    return pos.isKnown() ? pos.file() + ":" + pos.line() : "";
  }

  private String at(ModelPath p) {
    String w = where(p);
    return w.isEmpty() ? "" : " (" + w + ")";
  }

  private String provenanceWhere(HasMetadata o) {
    for (Provenance.Link l : plan.translation.provenance().of(o.getKind(), o.getMetadata().getName())) {
      if (l.source() == null) continue;
      String w = where(l.source());
      return (w.isEmpty() ? "" : w + " ") + l.source();
    }
    return null;
  }

  static ArrayNode array() {
    return F.arrayNode();
  }
}
