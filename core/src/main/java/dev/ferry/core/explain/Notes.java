package dev.ferry.core.explain;

import dev.ferry.core.source.ModelPath;
import java.util.Map;

/**
 * One short explanation per compose construct, for learners: what it becomes on Kubernetes and
 * why. Keyed by the compose key (a service key such as {@code healthcheck}, or a top-level
 * section entry such as a named volume). {@code explain} shows each note once, at the construct's
 * first line; the per-decision reasons (why this value) come from the provenance links.
 */
public final class Notes {
  /** Notes for keys of a service ({@code services.X.<key>}). */
  static final Map<String, String> SERVICE_KEYS = Map.ofEntries(
      Map.entry("image", "The same image runs on Kubernetes; the cluster pulls it, so it must be in a registry the nodes can reach."),
      Map.entry("build", "Kubernetes does not build images: build and push the image, then refer to it with image:."),
      Map.entry("command", "command replaces the image's CMD: on Kubernetes that is the container's args."),
      Map.entry("entrypoint", "entrypoint replaces the image's ENTRYPOINT: on Kubernetes that is the container's command."),
      Map.entry("environment", "Each variable becomes an env entry of the container; secret-looking values move to a Secret and are read with secretKeyRef."),
      Map.entry("env_file", "The file's variables go into a ConfigMap (secret-looking ones into a Secret) that the container reads with envFrom."),
      Map.entry("ports", "Published ports become ports of a Service, the stable name other Pods use; nothing is published on a node (use an Ingress or port-forward)."),
      Map.entry("expose", "Exposed ports become Service ports, so other Pods reach this one by its service name."),
      Map.entry("depends_on", "Kubernetes starts all Pods at once; an initContainer that waits for the dependency keeps compose's start order."),
      Map.entry("healthcheck", "The healthcheck becomes probes of the container (see the lines beside it): a readiness probe takes an unready Pod out of its Service, like 'unhealthy'; compose never restarts an unhealthy container."),
      Map.entry("volumes", "Named volumes become PersistentVolumeClaims, mounted with volumeMounts; host directories do not exist in a cluster, so bind mounts change meaning."),
      Map.entry("tmpfs", "A tmpfs is an emptyDir kept in memory."),
      Map.entry("configs", "A config becomes a ConfigMap, mounted as a read-only file."),
      Map.entry("secrets", "A secret becomes a Secret, mounted as a read-only file under /run/secrets."),
      Map.entry("deploy", "deploy's replicas and resources become the workload's replicas and the container's requests and limits."),
      Map.entry("scale", "scale is the number of replicas."),
      Map.entry("restart", "Pods of a Deployment are always restarted; a service that runs once and exits is a Job."),
      Map.entry("networks", "All Pods share one flat network; names resolve through Services. Isolation needs NetworkPolicies (--network-policies)."),
      Map.entry("network_mode", "network_mode: service:X shares X's network: on Kubernetes, a second container in X's Pod."),
      Map.entry("labels", "Compose labels describe a container: they become Pod annotations (Kubernetes labels select objects)."),
      Map.entry("user", "user becomes the securityContext's runAsUser/runAsGroup (numeric ids only)."),
      Map.entry("cap_add", "Capabilities go into the container's securityContext."),
      Map.entry("cap_drop", "Capabilities go into the container's securityContext."),
      Map.entry("privileged", "privileged is securityContext.privileged: full access to the node."),
      Map.entry("read_only", "A read-only root filesystem is securityContext.readOnlyRootFilesystem."),
      Map.entry("working_dir", "working_dir is the container's workingDir."),
      Map.entry("stop_grace_period", "The grace period before a stopping container is killed: terminationGracePeriodSeconds."),
      Map.entry("extra_hosts", "Extra /etc/hosts entries become the Pod's hostAliases."),
      Map.entry("hostname", "The Pod's hostname."),
      Map.entry("container_name", "Kubernetes names Pods itself; other Pods use the Service name."),
      Map.entry("x-ferry", "x-ferry steers the conversion (workload kind, Service type, Ingress, volume sizes...); see docs/steering.md."));

  private Notes() {}

  /** The note for a compose path as written (e.g. {@code services.web.healthcheck}), or null. */
  public static String of(ModelPath path) {
    if (path.size() == 2 && "services".equals(path.get(0))) {
      return "A service becomes a workload (a Deployment unless it runs to completion) that keeps its Pods running,"
          + " and, when it has ports, a Service: a stable name and address in front of those Pods.";
    }
    if (path.size() == 3 && "services".equals(path.get(0)) && path.get(2) instanceof String k) return SERVICE_KEYS.get(k);
    if (path.size() == 2 && "volumes".equals(path.get(0))) {
      return "A named volume becomes a PersistentVolumeClaim: storage that outlives the Pod, from the cluster's storage class.";
    }
    if (path.size() == 2 && "configs".equals(path.get(0))) return "A config becomes a ConfigMap.";
    if (path.size() == 2 && "secrets".equals(path.get(0))) return "A secret becomes a Secret (base64, not encrypted: restrict who may read it).";
    if (path.size() == 2 && "networks".equals(path.get(0))) {
      return "Compose networks isolate services; a Kubernetes cluster network does not (--network-policies adds NetworkPolicies).";
    }
    return null;
  }
}
