package dev.ferry.core.helm;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.model.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final ValueSources sources;
  private final ContainerValues container;
  private final IngressValues ingress;

  private Values(ChartOwnership plan) {
    this.plan = plan;
    this.sources = new ValueSources(plan, out);
    this.container = new ContainerValues(out, sources);
    this.ingress = new IngressValues(plan, out, sources);
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
    List<Map.Entry<String, HasMetadata>> ws = List.copyOf(plan.workloads.entrySet());
    List<ObjectNode> nodes = new ArrayList<>(ws.size());
    for (Map.Entry<String, HasMetadata> w : ws) nodes.add(services.putObject(w.getKey())); // in compose order
    plan.claimsOwnedBy(""); // its index made before the cores read it
    // each service fills its own node on any core (the trees and the project are only read; comments are by path)
    OnEveryCore.map(ws.size(), i -> {
      service(nodes.get(i), ws.get(i).getKey(), ws.get(i).getValue());
      return Boolean.TRUE;
    });
    root.set("secrets", secrets());
    return out;
  }

  /** One entry per Secret: existingSecret and the values convert emits, commented with their source. */
  private ObjectNode secrets() {
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
      String from = sources.provenanceWhere(o);
      out.comment(p, "Secret " + name + (from == null ? "" : ", from " + from)
          + "\nDefaults are the values the compose project holds; replace them or set existingSecret before a real install.");
    }
    return secrets;
  }

  /** One service's values, in the order values.yaml lists them, each commented with its compose source. */
  private void service(ObjectNode v, String svc, HasMetadata workload) {
    Service s = plan.project.service(svc);
    ContainerValues.Target sv = new ContainerValues.Target(v, s, List.of("services", svc));
    out.comment(sv.base(), "compose service " + svc + sources.at(s.path()));
    ObjectNode tree = ObjectTrees.tree(workload);
    ObjectNode c = ObjectTrees.mainContainer(tree);
    v.put("enabled", true);
    container.image(sv, c);
    container.replicas(sv, tree);
    container.resources(sv, c);
    container.env(sv, c);
    ingress.serviceAndIngress(v, s, sv.base(), workload);
    v.set("persistence", persistence(svc));
    container.probes(sv, c);
    container.podValues(sv, ObjectTrees.podTemplate(tree), ObjectTrees.podSpec(tree), c);
  }

  /** One entry per claim this service owns (the first service that mounts it). */
  private ObjectNode persistence(String svc) {
    ObjectNode persistence = F.objectNode();
    for (String claim : plan.claimsOwnedBy(svc)) {
      HasMetadata obj = plan.find("PersistentVolumeClaim", claim);
      ObjectNode pvc = ObjectTrees.tree(obj);
      ObjectNode p = persistence.putObject(claim);
      p.put("enabled", true);
      p.put("size", pvc.path("spec").path("resources").path("requests").path("storage").asString("1Gi"));
      p.put("storageClass", pvc.path("spec").path("storageClassName").asString(""));
      p.set("accessModes", pvc.path("spec").has("accessModes") ? pvc.path("spec").get("accessModes") : F.arrayNode().add("ReadWriteOnce"));
      String from = sources.provenanceWhere(obj);
      List<String> users = plan.claimUsers.get(claim);
      out.comment(List.of("services", svc, "persistence", claim), "PersistentVolumeClaim " + claim
          + (from == null ? "" : ", from " + from) + (users.size() > 1 ? "; also mounted by " + String.join(", ", users.subList(1, users.size())) : ""));
    }
    return persistence;
  }
}
