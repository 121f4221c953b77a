package dev.ferry.core.helm;

import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One emitted object → its template. The object's tree stays literal except where a value takes
 * over: names and references to the chart's own objects ({@code namePrefix}, {@code existingSecret}),
 * Helm's labels, the owning service's image, replicas, resources, env, probes, scheduling and
 * security settings, Service type and ports, PVC settings and the persistence switch of Pod volumes,
 * Secret data. With default values every expression yields what was there, so the chart renders the
 * {@code convert} output.
 */
final class Templates {
  private static final Set<String> SECRET_REFS = Set.of("secretRef", "secretKeyRef");
  private static final Set<String> CONFIGMAP_REFS = Set.of("configMapRef", "configMapKeyRef", "configMap");

  private final ChartOwnership plan;
  private final Placeholders placeholders = new Placeholders();

  Templates(ChartOwnership plan) {
    this.plan = plan;
  }

  /** The condition under which {@code o} is rendered (null: always). */
  String condition(HasMetadata o) {
    String owner = plan.owner(o);
    String name = o.getMetadata().getName();
    List<String> cs = new ArrayList<>();
    if (o.getKind().equals("PersistentVolumeClaim")) {
      List<String> users = plan.claimUsers.get(name);
      if (users != null && !users.isEmpty()) {
        cs.add(persistence(name) + ".enabled");
        List<String> on = users.stream().map(u -> svc(u) + ".enabled").toList();
        cs.add(on.size() == 1 ? on.get(0) : "(or " + String.join(" ", on) + ")");
      }
    } else if (owner != null) {
      cs.add("$svc.enabled");
    }
    if (o.getKind().equals("Secret")) cs.add("(not " + secret(name) + ".existingSecret)");
    if (cs.isEmpty()) return null;
    return cs.size() == 1 ? cs.get(0) : "and " + String.join(" ", cs);
  }

  /**
   * The template text of one object (a YAML document, without the leading {@code ---}), made by
   * changing {@code t}: the object's tree, a copy no one else reads.
   */
  String template(HasMetadata o, ObjectNode t) {
    String owner = plan.owner(o);
    String kind = o.getKind();
    ObjectNode meta = (ObjectNode) t.get("metadata");
    meta.set("name", placeholders.value(fullname(o.getMetadata().getName())));
    labels(meta, "labels");
    ObjectNode tpl = ObjectTrees.podTemplate(t);
    if (tpl != null && tpl.get("metadata") instanceof ObjectNode pm) labels(pm, "podLabels");
    if (tpl != null) volumes(ObjectTrees.podSpec(t));
    if (owner != null && plan.workloads.get(owner) == o) new WorkloadTemplate(plan, placeholders, this).apply(t, tpl);
    if (kind.equals("Service") && owner != null && o.getMetadata().getName().equals(plan.workloads.get(owner).getMetadata().getName())) {
      ObjectNode spec = (ObjectNode) t.get("spec");
      if (spec.has("type")) spec.set("type", placeholders.value("{{ $svc.service.type | toJson }}"));
      spec.remove("ports");
      // a headless Service for a service without a known port has none (any port reaches the Pod)
      placeholders.block(spec, ind -> ind + "{{- with $svc.service.ports }}\n" + ind + "ports:\n" + ind
          + "  {{- toYaml . | nindent " + ind.length() + " }}\n" + ind + "{{- end }}");
    }
    if (kind.equals("PersistentVolumeClaim") && plan.claimOwner(o.getMetadata().getName()) != null) pvc(t, persistence(o.getMetadata().getName()));
    if (kind.equals("Secret") && t.get("stringData") != null) {
      String s = secret(o.getMetadata().getName());
      t.remove("stringData");
      placeholders.block(t, ind -> ind + "stringData:\n" + ind + "  {{- range $k, $v := " + s + ".stringData }}\n"
          + ind + "  {{ $k | toJson }}: {{ $v | toString | toJson }}\n" + ind + "  {{- end }}");
    }
    references(t, "", "");
    return placeholders.renderAll(t);
  }

  /** Drops ferry's managed-by label and adds Helm's labels through a helper. */
  private void labels(ObjectNode meta, String helper) {
    ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
    labels.remove(TranslationContext.MANAGED_BY);
    String h = plan.helper(helper);
    placeholders.block(labels, ind -> ind + "{{- include \"" + h + "\" $ | nindent " + ind.length() + " }}");
  }

  /** Pod volumes on the chart's claims: the claim while persistence is on, else an emptyDir. */
  private void volumes(ObjectNode pod) {
    if (pod == null || !(pod.get("volumes") instanceof ArrayNode vs)) return;
    for (JsonNode v : vs) {
      String claim = v.path("persistentVolumeClaim").path("claimName").asString(null);
      if (claim == null || plan.claimOwner(claim) == null) continue;
      ObjectNode src = (ObjectNode) v.get("persistentVolumeClaim");
      ((ObjectNode) v).remove("persistentVolumeClaim");
      String p = persistence(claim);
      placeholders.block((ObjectNode) v, ind -> {
        StringBuilder b = new StringBuilder(ind).append("{{- if ").append(p).append(".enabled }}\n")
            .append(ind).append("persistentVolumeClaim:\n")
            .append(ind).append("  claimName: {{ ").append(fullnameExpr(claim)).append(" }}\n");
        for (Map.Entry<String, JsonNode> e : src.properties()) {
          if (!e.getKey().equals("claimName")) b.append(ind).append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return b.append(ind).append("{{- else }}\n").append(ind).append("emptyDir: {}\n").append(ind).append("{{- end }}").toString();
      });
    }
  }

  private void pvc(ObjectNode t, String p) {
    ObjectNode spec = (ObjectNode) t.get("spec");
    spec.remove("storageClassName");
    placeholders.block(spec, ind -> Placeholders.withString(ind, p + ".storageClass", "storageClassName"));
    spec.remove("accessModes");
    placeholders.block(spec, ind -> ind + "accessModes:\n" + ind + "  {{- toYaml " + p + ".accessModes | nindent " + ind.length() + " }}");
    ObjectNode req = (ObjectNode) spec.path("resources").path("requests");
    if (req.has("storage")) req.set("storage", placeholders.value("{{ " + p + ".size | toJson }}"));
  }

  /** References to the chart's own objects and the selectors of its Pods. */
  private void references(JsonNode node, String key, String parentKey) {
    if (node instanceof ArrayNode a) {
      for (JsonNode i : a) references(i, key, parentKey);
      return;
    }
    if (!(node instanceof ObjectNode o)) return;
    List<String> keys = new ArrayList<>(o.propertyNames());
    for (String k : keys) {
      JsonNode v = o.get(k);
      if (v.isString()) {
        String s = v.asString();
        String ref = null;
        if (k.equals("secretName") && key.equals("secret") && plan.has("Secret", s)) ref = secretNameExpr(s);
        else if (k.equals("name") && SECRET_REFS.contains(key) && plan.has("Secret", s)) ref = secretNameExpr(s);
        else if (k.equals("name") && CONFIGMAP_REFS.contains(key) && plan.has("ConfigMap", s)) ref = fullnameExpr(s);
        else if (k.equals("serviceAccountName") && plan.has("ServiceAccount", s)) ref = fullnameExpr(s);
        else if (k.equals("name") && key.equals("roleRef") && plan.has("Role", s)) ref = fullnameExpr(s);
        else if (k.equals("name") && key.equals("subjects") && plan.has("ServiceAccount", s)) ref = fullnameExpr(s);
        else if (k.equals("name") && key.equals("scaleTargetRef") && o.has("kind") && plan.has(o.get("kind").asString(), s)) ref = fullnameExpr(s);
        if (ref != null) o.set(k, placeholders.value("{{ " + ref + " }}"));
      } else if ((k.equals("matchLabels") || (k.equals("selector") && key.equals("spec"))) && isSelector(v)) {
        String name = v.get(TranslationContext.NAME).asString();
        o.remove(k);
        placeholders.block(o, ind -> ind + k + ":\n" + ind + "  {{- include \"" + plan.helper("selectorLabels") + "\" (list $ "
            + Placeholders.quote(name) + ") | nindent " + (ind.length() + 2) + " }}");
      } else {
        references(v, k, key);
      }
    }
  }

  private boolean isSelector(JsonNode v) {
    return v instanceof ObjectNode m && m.size() == 2 && m.path(TranslationContext.NAME).isString()
        && plan.partOf.equals(m.path(TranslationContext.PART_OF).asString(null));
  }

  private String fullname(String name) {
    return "{{ " + fullnameExpr(name) + " }}";
  }

  String fullnameExpr(String name) {
    return "include \"" + plan.helper("fullname") + "\" (list $ " + Placeholders.quote(name) + ")";
  }

  private String secretNameExpr(String name) {
    return "include \"" + plan.helper("secretName") + "\" (list $ " + Placeholders.quote(name) + ")";
  }

  static String svc(String composeName) {
    return "(index $.Values.services " + Placeholders.quote(composeName) + ")";
  }

  static String secret(String name) {
    return "(index $.Values.secrets " + Placeholders.quote(name) + ")";
  }

  String persistence(String claim) {
    return "(index " + svc(plan.claimOwner(claim)) + ".persistence " + Placeholders.quote(claim) + ")";
  }
}
