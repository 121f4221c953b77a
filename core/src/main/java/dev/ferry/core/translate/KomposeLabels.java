package dev.ferry.core.translate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kompose-label catalogue: every {@code kompose.*} label ferry knows, whether it honours it,
 * the x-ferry key it reads as ({@code xferry}; null when a mapper reads the label itself), and what
 * it means in ferry (or why it is not honoured, which is a {@code steering-invalid} finding). One
 * immutable table, read by {@link Steering} and docs/steering.md.
 */
public final class KomposeLabels {
  /** One kompose label and what ferry does with it. */
  public record Label(String name, boolean honoured, String xferry, String meaning) {}

  public static final List<Label> ALL = List.of(
      honoured("kompose.controller.type", "kind", "kind"),
      honoured("kompose.service.type", "service.type", "service.type"),
      honoured("kompose.service.nodeport.port", "service.nodePort", "service.nodePort"),
      honoured("kompose.service.expose", null,
          "ingress.host (and path: `host/path`; `true` = no host); several comma-separated hosts each become an Ingress rule"),
      honoured("kompose.service.expose.tls-secret", "ingress.tls", "ingress.tls"),
      honoured("kompose.service.expose.ingress-class-name", "ingress.className", "ingress.className"),
      honoured("kompose.volume.size", null, "volumes.<every volume of the service>.size and mounts.<every mount>.size"),
      honoured("kompose.volume.storage-class-name", null,
          "volumes.<every volume of the service>.storageClass and mounts.<every mount>.storageClass"),
      honoured("kompose.volume.type", null,
          "mounts.<every bind mount and anonymous volume of the service>.type (configMap | emptyDir | hostPath | persistentVolumeClaim)"),
      honoured("kompose.volume.subpath", null, "mounts.<every volume mount of the service>.subPath"),
      honoured("kompose.image-pull-policy", "imagePullPolicy", "imagePullPolicy"),
      honoured("kompose.image-pull-secret", "imagePullSecret", "imagePullSecret"),
      honoured("kompose.service.external-traffic-policy", "service.externalTrafficPolicy",
          "service.externalTrafficPolicy (Cluster or Local; NodePort and LoadBalancer Services only)"),
      honoured("kompose.security-context.fsgroup", null,
          "securityContext.fsGroup of the Pod (a numeric group id; volumes become writable by it)"),
      honoured("kompose.ephemeral-storage.request", null,
          "resources.requests.ephemeral-storage (a quantity; in deploy.labels as kompose reads it, or labels)"),
      honoured("kompose.ephemeral-storage.limit", null,
          "resources.limits.ephemeral-storage (a quantity; in deploy.labels as kompose reads it, or labels)"),
      honoured("kompose.init.containers.image", null,
          "an initContainer with this image (required for the two below), run after the dependency waits"),
      honoured("kompose.init.containers.name", null, "the initContainer's name (default init-<service>)"),
      honoured("kompose.init.containers.command", null,
          "the initContainer's command: a list `[\"sh\", \"-c\", \"...\"]` (quoted or bare items) as kompose reads it, or a command line split into words as compose splits a string command (kompose keeps it one word)"),
      honoured("kompose.cronjob.schedule", "schedule", "schedule"),
      honoured("kompose.cronjob.concurrency_policy", null, "CronJob concurrencyPolicy"),
      honoured("kompose.cronjob.backoff_limit", null, "Job backoffLimit"),
      honoured("kompose.hpa.replicas.min", "hpa.min", "hpa.min"),
      honoured("kompose.hpa.replicas.max", "hpa.max", "hpa.max"),
      honoured("kompose.hpa.cpu", "hpa.cpu", "hpa.cpu"),
      honoured("kompose.hpa.memory", "hpa.memory", "hpa.memory"),
      honoured("kompose.service.healthcheck.readiness.test", null,
          "readiness probe command (replaces the healthcheck's)"),
      honoured("kompose.service.healthcheck.readiness.interval", null, "readiness periodSeconds"),
      honoured("kompose.service.healthcheck.readiness.timeout", null, "readiness timeoutSeconds"),
      honoured("kompose.service.healthcheck.readiness.retries", null, "readiness failureThreshold"),
      honoured("kompose.service.healthcheck.readiness.start_period", null,
          "start_period: a startupProbe running the readiness check"),
      honoured("kompose.service.healthcheck.readiness.http_get_path", null,
          "readiness probe httpGet path (instead of the healthcheck's command)"),
      honoured("kompose.service.healthcheck.readiness.http_get_port", null,
          "readiness probe httpGet port (default: the first TCP port)"),
      honoured("kompose.service.healthcheck.readiness.tcp_port", null,
          "readiness probe tcpSocket port (instead of the healthcheck's command)"),
      honoured("kompose.service.healthcheck.liveness.tcp_port", null,
          "livenessProbe tcpSocket port (default: the container's first TCP port)"),
      honoured("kompose.service.healthcheck.liveness.http_get_path", null,
          "livenessProbe httpGet path (instead of tcpSocket)"),
      honoured("kompose.service.healthcheck.liveness.http_get_port", null,
          "livenessProbe httpGet port (default: the first TCP port)"),
      notHonoured("kompose.service.group",
          "kompose puts the services of a group in one Pod; ferry keeps one Pod and one"
          + " Service per service, so every service name still resolves and each service scales, restarts and rolls out"
          + " on its own. What only one Pod gives (reaching each other on localhost, sharing anonymous volumes) is not"
          + " recreated: for that, give the other services network_mode: \"service:<first>\", which ferry translates"
          + " into containers of the first service's Pod. kompose itself groups only with --service-group-mode=label"));

  private KomposeLabels() {}

  /** The label {@code name}, or null when ferry does not know it. */
  public static Label of(String name) {
    for (Label l : ALL) {
      if (l.name().equals(name)) return l;
    }
    return null;
  }

  /** The honoured label that steers x-ferry key {@code xferry} directly, or null. */
  static Label steering(String xferry) {
    return Steers.BY_KEY.get(xferry);
  }

  /** x-ferry key → the first honoured label that steers it (looked up for every service and key). */
  private static final class Steers {
    static final Map<String, Label> BY_KEY = new HashMap<>();

    static {
      for (Label l : ALL) if (l.honoured() && l.xferry() != null) BY_KEY.putIfAbsent(l.xferry(), l);
    }
  }

  private static Label honoured(String name, String xferry, String meaning) {
    return new Label(name, true, xferry, meaning);
  }

  private static Label notHonoured(String name, String why) {
    return new Label(name, false, null, why);
  }
}
