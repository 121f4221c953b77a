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
    // most services have no x-ferry block: no path is built for them
    Value v = xferry == null ? null : fromXFerry(xferry, service.path("x-ferry"), key);
    if (v != null) return v;
    KomposeLabels.Label k = KomposeLabels.steering(key);
    return k == null ? null : label(k.name());
  }

  /** A kompose label's value (raw), or null. */
  public Value label(String name) {
    String v = service.identity().labels().get(name);
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
    KomposeLabels.Label k = KomposeLabels.of(key);
    if (k != null && !k.honoured()) return "kompose label \"" + key + "\" is not honoured: " + k.meaning();
    if (key.startsWith("kompose.") && k == null) {
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
