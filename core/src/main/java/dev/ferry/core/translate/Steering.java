package dev.ferry.core.translate;

import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import java.util.Locale;
import java.util.Map;

/**
 * What the user asked for, per service: ferry's own {@code x-ferry} block first, then kompose's
 * {@code kompose.*} labels (so kompose users migrate without rewriting). Each value comes with the
 * model path it was read from, for provenance and findings. See docs/steering.md.
 */
public final class Steering {
  /** A steered value and where it was written. */
  public record Value(String text, ModelPath path) {
    public int asInt(int dflt) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return dflt;
      }
    }

    public boolean isTrue() {
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equals("1");
    }
  }

  /** Every {@code x-ferry} key ferry reads on a service, dotted; the docs table is generated from it. */
  public static final Map<String, String> X_FERRY_KEYS = Map.ofEntries(
      Map.entry("kind", "workload kind: deployment | statefulset | daemonset | job | cronjob"),
      Map.entry("schedule", "CronJob schedule (with kind: cronjob, or alone to imply it)"),
      Map.entry("replicas", "replicas (overrides deploy.replicas / scale)"),
      Map.entry("service.type", "Service type: ClusterIP | NodePort | LoadBalancer | Headless"),
      Map.entry("service.nodePort", "nodePort of the first port (with type NodePort)"),
      Map.entry("service.externalTrafficPolicy", "Cluster or Local (with type NodePort or LoadBalancer; Local keeps the client address)"),
      Map.entry("ingress.host", "Ingress host; setting it creates an Ingress"),
      Map.entry("ingress.path", "Ingress path (default /)"),
      Map.entry("ingress.port", "Service port the Ingress routes to (default: the first)"),
      Map.entry("ingress.tls", "name of the TLS Secret for the host"),
      Map.entry("ingress.className", "ingressClassName"),
      Map.entry("volumes.<name>.size", "PVC size of a named volume (default 1Gi)"),
      Map.entry("volumes.<name>.storageClass", "PVC storageClassName"),
      Map.entry("volumes.<name>.accessMode", "PVC access mode (ReadWriteOnce | ReadWriteMany | ReadWriteOncePod)"),
      Map.entry("mounts.<target>.type", "what a bind mount or anonymous volume at <target> becomes: pvc | configMap | secret | emptyDir | hostPath | none"),
      Map.entry("mounts.<target>.size", "PVC size of the mount at <target> (default 1Gi)"),
      Map.entry("mounts.<target>.storageClass", "PVC storageClassName of the mount at <target>"),
      Map.entry("mounts.<target>.accessMode", "PVC access mode of the mount at <target> (ReadWriteOnce | ReadWriteMany | ReadWriteOncePod)"),
      Map.entry("mounts.<target>.subPath", "subPath of the mount at <target> (a relative path; \"\" for none, e.g. to turn off the database subPath)"),
      Map.entry("imagePullPolicy", "imagePullPolicy: Always | IfNotPresent | Never"),
      Map.entry("imagePullSecret", "name of an imagePullSecret"),
      Map.entry("probes.liveness", "false to emit no livenessProbe"),
      Map.entry("pdb", "false to emit no PodDisruptionBudget (emitted for 2+ replicas or an HPA)"),
      Map.entry("hpa.min", "HorizontalPodAutoscaler minReplicas (creates an HPA)"),
      Map.entry("hpa.max", "HorizontalPodAutoscaler maxReplicas"),
      Map.entry("hpa.cpu", "target average CPU utilisation, percent"),
      Map.entry("hpa.memory", "target average memory utilisation, percent"));

  /** Every kompose label ferry honours, with its x-ferry equivalent. */
  public static final Map<String, String> KOMPOSE_LABELS = Map.ofEntries(
      Map.entry("kompose.controller.type", "kind"),
      Map.entry("kompose.service.type", "service.type"),
      Map.entry("kompose.service.nodeport.port", "service.nodePort"),
      Map.entry("kompose.service.expose", "ingress.host (and path: `host/path`; `true` = no host); several comma-separated hosts each become an Ingress rule"),
      Map.entry("kompose.service.expose.tls-secret", "ingress.tls"),
      Map.entry("kompose.service.expose.ingress-class-name", "ingress.className"),
      Map.entry("kompose.volume.size", "volumes.<every volume of the service>.size and mounts.<every mount>.size"),
      Map.entry("kompose.volume.storage-class-name", "volumes.<every volume of the service>.storageClass and mounts.<every mount>.storageClass"),
      Map.entry("kompose.volume.type", "mounts.<every bind mount and anonymous volume of the service>.type (configMap | emptyDir | hostPath | persistentVolumeClaim)"),
      Map.entry("kompose.volume.subpath", "mounts.<every volume mount of the service>.subPath"),
      Map.entry("kompose.image-pull-policy", "imagePullPolicy"),
      Map.entry("kompose.image-pull-secret", "imagePullSecret"),
      Map.entry("kompose.service.external-traffic-policy", "service.externalTrafficPolicy (Cluster or Local; NodePort and LoadBalancer Services only)"),
      Map.entry("kompose.security-context.fsgroup", "securityContext.fsGroup of the Pod (a numeric group id; volumes become writable by it)"),
      Map.entry("kompose.ephemeral-storage.request", "resources.requests.ephemeral-storage (a quantity; in deploy.labels as kompose reads it, or labels)"),
      Map.entry("kompose.ephemeral-storage.limit", "resources.limits.ephemeral-storage (a quantity; in deploy.labels as kompose reads it, or labels)"),
      Map.entry("kompose.init.containers.image", "an initContainer with this image (required for the two below), run after the dependency waits"),
      Map.entry("kompose.init.containers.name", "the initContainer's name (default init-<service>)"),
      Map.entry("kompose.init.containers.command", "the initContainer's command: a list `[\"sh\", \"-c\", \"...\"]` (quoted or bare items) as kompose reads it, or a command line split into words as compose splits a string command (kompose keeps it one word)"),
      Map.entry("kompose.cronjob.schedule", "schedule"),
      Map.entry("kompose.cronjob.concurrency_policy", "CronJob concurrencyPolicy"),
      Map.entry("kompose.cronjob.backoff_limit", "Job backoffLimit"),
      Map.entry("kompose.hpa.replicas.min", "hpa.min"),
      Map.entry("kompose.hpa.replicas.max", "hpa.max"),
      Map.entry("kompose.hpa.cpu", "hpa.cpu"),
      Map.entry("kompose.hpa.memory", "hpa.memory"),
      Map.entry("kompose.service.healthcheck.readiness.test", "readiness probe command (replaces the healthcheck's)"),
      Map.entry("kompose.service.healthcheck.readiness.interval", "readiness periodSeconds"),
      Map.entry("kompose.service.healthcheck.readiness.timeout", "readiness timeoutSeconds"),
      Map.entry("kompose.service.healthcheck.readiness.retries", "readiness failureThreshold"),
      Map.entry("kompose.service.healthcheck.readiness.start_period", "start_period: a startupProbe running the readiness check"),
      Map.entry("kompose.service.healthcheck.readiness.http_get_path", "readiness probe httpGet path (instead of the healthcheck's command)"),
      Map.entry("kompose.service.healthcheck.readiness.http_get_port", "readiness probe httpGet port (default: the first TCP port)"),
      Map.entry("kompose.service.healthcheck.readiness.tcp_port", "readiness probe tcpSocket port (instead of the healthcheck's command)"),
      Map.entry("kompose.service.healthcheck.liveness.tcp_port", "livenessProbe tcpSocket port (default: the container's first TCP port)"),
      Map.entry("kompose.service.healthcheck.liveness.http_get_path", "livenessProbe httpGet path (instead of tcpSocket)"),
      Map.entry("kompose.service.healthcheck.liveness.http_get_port", "livenessProbe httpGet port (default: the first TCP port)"));

  /** kompose labels ferry knows and deliberately does not honour, with the reason (a steering-invalid finding). */
  public static final Map<String, String> KOMPOSE_NOT_HONOURED = Map.ofEntries(
      Map.entry("kompose.service.group", "kompose puts the services of a group in one Pod; ferry keeps one Pod and one"
          + " Service per service, so every service name still resolves and each service scales, restarts and rolls out"
          + " on its own. What only one Pod gives (reaching each other on localhost, sharing anonymous volumes) is not"
          + " recreated: for that, give the other services network_mode: \"service:<first>\", which ferry translates"
          + " into containers of the first service's Pod. kompose itself groups only with --service-group-mode=label"));

  private static final Map<String, String> KOMPOSE_TO_FERRY = Map.ofEntries(
      Map.entry("kompose.controller.type", "kind"),
      Map.entry("kompose.service.type", "service.type"),
      Map.entry("kompose.service.nodeport.port", "service.nodePort"),
      Map.entry("kompose.service.external-traffic-policy", "service.externalTrafficPolicy"),
      Map.entry("kompose.service.expose.tls-secret", "ingress.tls"),
      Map.entry("kompose.service.expose.ingress-class-name", "ingress.className"),
      Map.entry("kompose.image-pull-policy", "imagePullPolicy"),
      Map.entry("kompose.image-pull-secret", "imagePullSecret"),
      Map.entry("kompose.cronjob.schedule", "schedule"),
      Map.entry("kompose.hpa.replicas.min", "hpa.min"),
      Map.entry("kompose.hpa.replicas.max", "hpa.max"),
      Map.entry("kompose.hpa.cpu", "hpa.cpu"),
      Map.entry("kompose.hpa.memory", "hpa.memory"));

  private final Service service;
  private final MapNode xferry;
  private final MapNode projectXferry;
  private final ModelPath projectPath = ModelPath.of("x-ferry");

  public Steering(Service service, MapNode projectXferry) {
    this.service = service;
    this.xferry = service.steering();
    this.projectXferry = projectXferry;
  }

  /** A steered value by its x-ferry key (dotted), or its kompose label; null when not steered. */
  public Value get(String key) {
    Value v = fromXFerry(xferry, service.path("x-ferry"), key);
    if (v != null) return v;
    for (Map.Entry<String, String> e : KOMPOSE_TO_FERRY.entrySet()) {
      if (e.getValue().equals(key)) {
        Value l = label(e.getKey());
        if (l != null) return l;
      }
    }
    return null;
  }

  /** A kompose label's value (raw), or null. */
  public Value label(String name) {
    String v = service.labels().get(name);
    return v == null ? null : new Value(v, service.path("labels").key(name));
  }

  /** Steering of a named volume: the service's x-ferry, then the project's, then kompose labels. */
  public Value volume(String volume, String key) {
    Value v = fromXFerry(xferry, service.path("x-ferry"), "volumes." + volume + "." + key);
    if (v == null) v = fromXFerry(projectXferry, projectPath, "volumes." + volume + "." + key);
    if (v == null && key.equals("size")) v = label("kompose.volume.size");
    if (v == null && key.equals("storageClass")) v = label("kompose.volume.storage-class-name");
    return v;
  }

  /**
   * Steering of the mount at {@code target}: the service's {@code x-ferry.mounts."<target>".<key>},
   * then the kompose label that applies to every volume of the service. Keys: type, size,
   * storageClass, accessMode, subPath.
   */
  public Value mount(String target, String key) {
    if (xferry != null && xferry.get("mounts") instanceof MapNode mounts) {
      for (String t : new String[] {target, target.replaceAll("/+$", "")}) {
        if (mounts.get(t) instanceof MapNode m && m.get(key) instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) {
          return new Value(s.text(), service.path("x-ferry").key("mounts").key(t).key(key));
        }
      }
    }
    return switch (key) {
      case "type" -> label("kompose.volume.type");
      case "size" -> label("kompose.volume.size");
      case "storageClass" -> label("kompose.volume.storage-class-name");
      case "subPath" -> label("kompose.volume.subpath");
      default -> null;
    };
  }

  /** Lower-cased value, or {@code dflt}. */
  public String lower(String key, String dflt) {
    Value v = get(key);
    return v == null ? dflt : v.text().trim().toLowerCase(Locale.ROOT);
  }

  private static Value fromXFerry(MapNode root, ModelPath base, String dotted) {
    if (root == null) return null;
    Node n = root;
    ModelPath p = base;
    for (String part : dotted.split("\\.")) {
      if (!(n instanceof MapNode m) || !m.has(part)) return null;
      n = m.get(part);
      p = p.key(part);
    }
    if (n instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) return new Value(s.text(), p);
    return null;
  }

  /** Whether a service label is ferry/kompose steering (and so not copied to annotations). */
  public static boolean isSteeringLabel(String key) {
    return key.startsWith("kompose.") || key.startsWith("ferry.");
  }

  /**
   * Why a label that looks like another tool's steering is not honoured, or null when it is
   * honoured or is not steering: an unknown kompose label (dropped), or a Katenary label (ferry
   * reads x-ferry instead; the label stays a Pod annotation).
   */
  public static String unhonoured(String key) {
    if (KOMPOSE_NOT_HONOURED.containsKey(key)) {
      return "kompose label \"" + key + "\" is not honoured: " + KOMPOSE_NOT_HONOURED.get(key);
    }
    if (key.startsWith("kompose.") && !KOMPOSE_LABELS.containsKey(key)) {
      return "kompose label \"" + key + "\" is not one ferry honours; it is left out (docs/steering.md lists the"
          + " kompose labels ferry reads and their x-ferry equivalents)";
    }
    if (key.startsWith("ferry.")) {
      return "label \"" + key + "\" looks like ferry steering, but ferry reads steering from x-ferry only; it is"
          + " left out";
    }
    if (key.startsWith("katenary.v3/") || key.startsWith("katenary.io/")) {
      return "Katenary label \"" + key + "\" is not read by ferry (steer with x-ferry, docs/steering.md); it stays"
          + " a Pod annotation";
    }
    return null;
  }
}
