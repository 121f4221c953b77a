package dev.ferry.core.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The owning service's values on its workload's template: replicas, Pod annotations, scheduling
 * and security settings, the main container's image, resources, probes and env, and dependency
 * waits that follow the services they wait for.
 */
final class WorkloadTemplate {
  private final ChartOwnership plan;
  private final Placeholders placeholders;
  private final Templates templates;

  WorkloadTemplate(ChartOwnership plan, Placeholders placeholders, Templates templates) {
    this.plan = plan;
    this.placeholders = placeholders;
    this.templates = templates;
  }

  /** The owning service's settings on its workload. */
  void apply(ObjectNode t, ObjectNode tpl) {
    ObjectNode spec = (ObjectNode) t.get("spec");
    if (spec.has("replicas")) spec.set("replicas", placeholders.value("{{ $svc.replicas | int }}"));
    ObjectNode pm = (ObjectNode) tpl.get("metadata");
    pm.remove("annotations");
    placeholders.block(pm, ind -> Placeholders.withYaml(ind, "$svc.podAnnotations", "annotations"));
    ObjectNode pod = (ObjectNode) tpl.get("spec");
    for (String[] k : new String[][] {{"nodeSelector", "nodeSelector"}, {"tolerations", "tolerations"},
        {"affinity", "affinity"}, {"securityContext", "podSecurityContext"}}) {
      pod.remove(k[0]);
      placeholders.block(pod, ind -> Placeholders.withYaml(ind, "$svc." + k[1], k[0]));
    }
    if (!pod.has("imagePullSecrets")) placeholders.block(pod, ind -> Placeholders.withYaml(ind, "$.Values.imagePullSecrets", "imagePullSecrets"));
    ObjectNode c = ObjectTrees.mainContainer(t);
    c.set("image", placeholders.value("{{ include \"" + plan.helper("image") + "\" $svc.image }}"));
    c.remove("imagePullPolicy");
    placeholders.block(c, ind -> Placeholders.withString(ind, "$svc.image.pullPolicy", "imagePullPolicy"));
    for (String[] k : new String[][] {{"resources", "resources"}, {"livenessProbe", "probes.liveness"},
        {"readinessProbe", "probes.readiness"}, {"startupProbe", "probes.startup"}, {"securityContext", "securityContext"}}) {
      c.remove(k[0]);
      placeholders.block(c, ind -> Placeholders.withYaml(ind, "$svc." + k[1], k[0]));
    }
    env(c);
    if (pod.get("initContainers") instanceof ArrayNode init) waits(init);
  }

  /** Literal env entries come from values (in their order); keys added in values are appended. */
  private void env(ObjectNode c) {
    String extra = " }}\n";
    if (!(c.get("env") instanceof ArrayNode env)) {
      placeholders.block(c, ind -> ind + "{{- with $svc.env }}\n" + ind + "env:\n" + ind + "{{- range $k, $v := . }}\n"
          + ind + "- name: {{ $k | toJson }}\n" + ind + "  value: {{ $v | toString | toJson }}\n" + ind + "{{- end }}\n" + ind + "{{- end }}");
      return;
    }
    List<String> known = new ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      JsonNode e = env.get(i);
      if (!e.has("value") || e.size() != 2) continue;
      String n = Placeholders.quote(e.path("name").asString());
      known.add(n);
      env.set(i, placeholders.item(ind -> ind + "{{- if hasKey $svc.env " + n + " }}\n" + ind + "- name: " + n + "\n"
          + ind + "  value: {{ index $svc.env " + n + " | toString | toJson }}\n" + ind + "{{- end }}"));
    }
    String list = "(list " + String.join(" ", known) + ")";
    env.add(placeholders.item(ind -> ind + "{{- range $k, $v := $svc.env }}\n" + ind + "{{- if not (has $k " + list + ")" + extra
        + ind + "- name: {{ $k | toJson }}\n" + ind + "  value: {{ $v | toString | toJson }}\n" + ind + "{{- end }}\n" + ind + "{{- end }}"));
  }

  private static final Pattern WAIT = Pattern.compile("wait-for-(.+)");

  /** Dependency waits disappear with the service they wait for, and follow its (prefixed) name. */
  private void waits(ArrayNode init) {
    for (int i = 0; i < init.size(); i++) {
      Matcher m = WAIT.matcher(init.get(i).path("name").asString(""));
      if (!m.matches() || !plan.serviceByObjectName.containsKey(m.group(1))) continue;
      String target = m.group(1);
      ObjectNode c = (ObjectNode) init.get(i);
      if (c.get("command") instanceof ArrayNode cmd) {
        Pattern word = Pattern.compile("(?<![-a-z0-9.])" + Pattern.quote(target) + "(?![-a-z0-9])");
        for (int j = 0; j < cmd.size(); j++) {
          String s = cmd.get(j).asString("");
          if (!word.matcher(s).find() || s.contains("@host@")) continue;
          String lit = Placeholders.quote(word.matcher(s).replaceAll("@host@"));
          cmd.set(j, placeholders.value("{{ " + lit + " | replace \"@host@\" (" + templates.fullnameExpr(target) + ") | toJson }}"));
        }
      }
      init.set(i, placeholders.conditionalItem(c, Templates.svc(plan.serviceByObjectName.get(target)) + ".enabled"));
    }
  }
}
