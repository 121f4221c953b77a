package dev.ferry.core.explain;

import dev.ferry.core.knowledge.ComposeKeys;
import dev.ferry.core.source.ModelPath;

/**
 * One short explanation per compose construct, for learners: what it becomes on Kubernetes and
 * why. A service key's note is the compose-key catalogue's ({@link ComposeKeys}); a top-level
 * section entry's (such as a named volume) is here. {@code explain} shows each note once, at the
 * construct's first line; the per-decision reasons (why this value) come from the provenance links.
 */
public final class Notes {
  /** x-ferry is steering, not a compose key: its note is not in the compose-key catalogue. */
  private static final String X_FERRY = "x-ferry steers the conversion (workload kind, Service type, Ingress, volume sizes...); see docs/steering.md.";

  private Notes() {}

  /** The note for a compose path as written (e.g. {@code services.web.healthcheck}), or null. */
  public static String of(ModelPath path) {
    if (path.size() == 2 && "services".equals(path.get(0))) {
      return "A service becomes a workload (a Deployment unless it runs to completion) that keeps its Pods running,"
          + " and, when it has ports, a Service: a stable name and address in front of those Pods.";
    }
    if (path.size() == 3 && "services".equals(path.get(0)) && path.get(2) instanceof String k) {
      if (k.equals("x-ferry")) return X_FERRY;
      ComposeKeys.Key key = ComposeKeys.service(k);
      return key == null ? null : key.note();
    }
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
