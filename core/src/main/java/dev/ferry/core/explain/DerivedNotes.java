package dev.ferry.core.explain;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.Origin;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.PodTemplates;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Construct notes that depend on what was emitted, read from the emitted objects rather than
 * assumed: the healthcheck note names the probes the container really got and their handlers
 * (exec, tcpSocket, httpGet), so it stays true when the probe mapping changes. Falls back to
 * {@link Notes} when nothing was emitted for the construct.
 */
final class DerivedNotes {
  private DerivedNotes() {}

  /** The note for compose path {@code path}, derived from the emitted fields where the note depends on them. */
  static String of(ModelPath path, Alignment a, KeySpans spans) {
    if (path.size() == 3 && "services".equals(path.get(0)) && "healthcheck".equals(path.get(2))) {
      String n = healthcheck(path, a, spans);
      if (n != null) return n;
    }
    if (path.size() == 3 && "services".equals(path.get(0)) && "depends_on".equals(path.get(2))) {
      if (!produced(path, spans, "initContainers")) {
        return "Kubernetes starts all Pods at once and nothing waits here (see the findings): the app must retry until"
            + " its dependency answers.";
      }
    }
    if (path.size() == 3 && "services".equals(path.get(0)) && "env_file".equals(path.get(2)) && !produced(path, spans, "")) {
      return "An env file's variables become a ConfigMap (secret-looking ones a Secret) read with envFrom; nothing was"
          + " made from this one (see the findings).";
    }
    return Notes.of(path);
  }

  /** Whether some emitted field (containing {@code field}) came from the compose lines under {@code path}. */
  private static boolean produced(ModelPath path, KeySpans spans, String field) {
    for (Alignment.Span s : spans.under(path)) if (s.link().field().contains(field)) return true;
    return false;
  }

  /** The container (object and JSON) whose readinessProbe came from healthcheck {@code hc}, or null. */
  private static String healthcheck(ModelPath hc, Alignment a, KeySpans spans) {
    for (Alignment.Span s : spans.under(hc)) {
      String f = s.link().field();
      int i = f.indexOf(".readinessProbe");
      if (i < 0) continue;
      HasMetadata o = a.objects().get(s.object()).object();
      String at = f.substring(0, i);
      JsonNode ready;
      JsonNode live;
      Container typed = container(o, at);
      if (typed != null) { // the probes only, as the manifest shows them (not a tree of the whole object per healthcheck)
        ready = ManifestWriter.part(typed.getReadinessProbe());
        live = ManifestWriter.part(typed.getLivenessProbe());
      } else {
        JsonNode container = Origin.at(ManifestWriter.tree(o), ModelPath.parse(at));
        if (container == null) continue;
        ready = container.get("readinessProbe");
        live = container.get("livenessProbe");
      }
      if (ready == null) continue;
      String text = "The healthcheck becomes the readinessProbe (" + handler(ready) + "): a Pod that fails it gets no"
          + " traffic from its Service, like 'unhealthy' in compose.";
      if (live != null) {
        text += " ferry adds a livenessProbe (" + handler(live) + ")" + (sameHandler(ready, live)
            ? "" : " that only checks the container still answers") + ": the kubelet restarts a container that fails it"
            + " (compose never restarts an unhealthy container).";
      } else {
        text += " There is no livenessProbe: compose never restarts an unhealthy container (the kubelet still restarts"
            + " one whose process exits).";
      }
      return text;
    }
    return null;
  }

  /**
   * The container at manifest path {@code at} of a workload ({@code spec.template.spec.containers[0]},
   * a CronJob's under {@code spec.jobTemplate.spec}; init containers too), or null for any other path.
   */
  static Container container(HasMetadata o, String at) {
    PodTemplateSpec t = PodTemplates.of(o);
    if (t == null || t.getSpec() == null) return null;
    ModelPath p = ModelPath.parse(at);
    if (p.size() < 2 || !(p.last() instanceof Integer k) || !(o instanceof CronJob ? CRON_JOB_POD_SPEC : POD_SPEC).equals(p.parent().parent())) return null;
    List<Container> list = switch (String.valueOf(p.get(p.size() - 2))) {
      case "containers" -> t.getSpec().getContainers();
      case "initContainers" -> t.getSpec().getInitContainers();
      default -> null;
    };
    return list != null && k < list.size() ? list.get(k) : null;
  }

  /** Where a workload's Pod spec sits: under its Pod template, a CronJob's under its Job template. */
  private static final ModelPath POD_SPEC = ModelPath.parse("spec.template.spec");
  private static final ModelPath CRON_JOB_POD_SPEC = ModelPath.parse("spec.jobTemplate.spec.template.spec");

  private static boolean sameHandler(JsonNode a, JsonNode b) {
    return handler(a).equals(handler(b));
  }

  /** "exec: curl -f http://localhost", "tcpSocket: port 80", "httpGet: /health on port 8080". */
  static String handler(JsonNode probe) {
    if (probe.has("exec")) {
      List<String> words = new ArrayList<>();
      for (JsonNode w : probe.get("exec").path("command")) words.add(w.asString());
      if (words.size() == 3 && words.get(1).equals("-c")) return "exec: " + words.get(0) + " -c '" + words.get(2) + "'";
      return "exec: " + String.join(" ", words);
    }
    if (probe.has("tcpSocket")) return "tcpSocket: port " + probe.get("tcpSocket").path("port").asString();
    if (probe.has("httpGet")) {
      JsonNode h = probe.get("httpGet");
      return "httpGet: " + h.path("path").asString("/") + " on port " + h.path("port").asString();
    }
    if (probe.has("grpc")) return "grpc: port " + probe.get("grpc").path("port").asString();
    return "no handler";
  }

}
