package dev.ferry.core.helm;

import dev.ferry.core.model.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A service's {@code service} values (type and ports of its Service) and {@code ingress} values. */
final class IngressValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ChartOwnership plan;
  private final ValuesFile out;
  private final ValueSources sources;

  IngressValues(ChartOwnership plan, ValuesFile out, ValueSources sources) {
    this.plan = plan;
    this.out = out;
    this.sources = sources;
  }

  /** The Service's type and ports, and the ingress values when it has a port to route to. */
  void serviceAndIngress(ObjectNode v, Service s, List<String> base, HasMetadata workload) {
    HasMetadata svcObj = plan.find("Service", workload.getMetadata().getName());
    if (svcObj == null) return;
    ObjectNode st = ObjectTrees.tree(svcObj);
    ObjectNode service = v.putObject("service");
    service.put("type", st.path("spec").path("type").asString("ClusterIP"));
    service.set("ports", st.path("spec").get("ports") == null ? F.arrayNode() : st.path("spec").get("ports"));
    sources.comment(base, "service", sources.first(s, "ports", "expose"));
    if (!service.path("ports").isEmpty()) ingress(v, base, st); // headless, no port: nothing to route to
  }

  private void ingress(ObjectNode v, List<String> base, ObjectNode serviceTree) {
    HasMetadata obj = plan.find("Ingress", serviceTree.path("metadata").path("name").asString());
    ObjectNode t = obj == null ? null : ObjectTrees.tree(obj);
    // several hosts (kompose.service.expose "a,b"): the Ingress is rendered as convert wrote it, not from values
    if (t != null && t.path("spec").path("rules").size() > 1) return;
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
      out.comment(ValueSources.append(base, "ingress"), "no Ingress in compose; enable one here (x-ferry ingress steering sets these)");
      return;
    }
    JsonNode rule = t.path("spec").path("rules").path(0);
    JsonNode path = rule.path("http").path("paths").path(0);
    in.put("enabled", true);
    in.put("className", t.path("spec").path("ingressClassName").asString(""));
    in.put("host", rule.path("host").asString(""));
    in.put("path", path.path("path").asString("/"));
    in.put("port", path.path("backend").path("service").path("port").path("number").asInt(port));
    in.set("tls", t.path("spec").has("tls") ? t.path("spec").get("tls") : F.arrayNode());
    String from = sources.provenanceWhere(obj);
    out.comment(ValueSources.append(base, "ingress"), from == null ? null : "from " + from);
  }
}
