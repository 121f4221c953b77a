package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service keys with no Kubernetes equivalent: one finding per key, at the key, saying what is lost.
 * Keys that are translated, even partly, are not listed here (their mappers report what they drop).
 * {@code logging} with a node-local driver (json-file, local, none, or none given) is not reported:
 * the kubelet keeps and rotates container logs itself.
 */
@RuleInfo(
    id = "not-translatable",
    summary = "A service key has no Kubernetes equivalent and is dropped (devices, ulimits, logging, volumes_from, ...).",
    remediation = "Remove the key, or recreate its effect on the cluster side (device plugins, node configuration,"
        + " the cluster's log collector, shared volumes).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class NotTranslatable implements Rule {
  /** Key to what happens instead, in service-key order of the compose spec. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("blkio_config", "block I/O weights and limits are not settable per pod");
    KEYS.put("cgroup", "pods get their own cgroup namespace");
    KEYS.put("cgroup_parent", "the kubelet places pods in its own cgroup hierarchy");
    KEYS.put("cpu_count", "Windows CPU count has no pod field; use resources");
    KEYS.put("cpu_percent", "Windows CPU percent has no pod field; use resources");
    KEYS.put("cpu_rt_period", "real-time CPU scheduling is not configurable per pod");
    KEYS.put("cpu_rt_runtime", "real-time CPU scheduling is not configurable per pod");
    KEYS.put("cpuset", "CPU pinning needs the kubelet's static CPU manager and Guaranteed QoS, not a pod field");
    KEYS.put("credential_spec", "gMSA credential specs are configured through GMSACredentialSpec resources");
    KEYS.put("device_cgroup_rules", "device cgroup rules are not settable per pod");
    KEYS.put("devices", "host devices reach pods through device plugins (or a privileged hostPath mount)");
    KEYS.put("external_links", "containers outside the project are reached through Services or ExternalName Services");
    KEYS.put("isolation", "Windows isolation is chosen through a RuntimeClass");
    KEYS.put("logging", "the cluster's log collector reads container stdout; per-container log drivers do not exist");
    KEYS.put("mac_address", "pod MAC addresses are assigned by the network plugin");
    KEYS.put("mem_swappiness", "swap behaviour is a node setting");
    KEYS.put("memswap_limit", "swap limits are a node setting");
    KEYS.put("oom_kill_disable", "the OOM killer cannot be disabled per pod");
    KEYS.put("oom_score_adj", "the kubelet sets OOM scores from the pod's QoS class");
    KEYS.put("runtime", "the container runtime is chosen through a RuntimeClass (runtimeClassName)");
    KEYS.put("stop_signal", "the stop signal comes from the image's STOPSIGNAL; no pod field sets it");
    KEYS.put("storage_opt", "per-container storage driver options do not exist; use ephemeral-storage limits");
    KEYS.put("ulimits", "resource limits (nofile, nproc) are node settings of the container runtime");
    KEYS.put("volume_driver", "volume drivers become StorageClasses or CSI drivers");
    KEYS.put("volumes_from", "mounting another container's volumes has no equivalent; declare the shared volumes");
  }

  /**
   * This rule decides about the service keys above and {@code init} (it leaves local logging drivers
   * unreported on purpose); the mappers' other not-translatable cases (a volume type, a hostname, a
   * label) are theirs, and lint keeps them.
   */
  @Override
  public boolean covers(Finding fromTranslation, RuleContext ctx, List<Finding> own) {
    for (Service s : ctx.services()) {
      for (String key : s.node().keys()) {
        if ((KEYS.containsKey(key) || key.equals("init")) && ctx.position(s.path(key)).equals(fromTranslation.position())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (String key : s.node().keys()) {
        String why = KEYS.get(key);
        if (why == null || isEmpty(s, key) || key.equals("logging") && dev.ferry.core.translate.NodeLogging.local(s)) continue;
        out.report(s.path(key), s.name(), "service \"" + s.name() + "\" sets " + key
            + ", which cannot be translated and is dropped: " + why);
      }
      if (Boolean.TRUE.equals(s.init())) {
        out.report(s.path("init"), s.name(), "service \"" + s.name() + "\" sets init: true, which cannot be translated"
            + " and is dropped: Kubernetes does not inject an init process; use an image with tini or dumb-init as its"
            + " entrypoint, or shareProcessNamespace");
      }
    }
    out.flush();
  }

  private static boolean isEmpty(Service s, String key) {
    var v = s.node().get(key);
    return v == null || v.isNull() || v instanceof ScalarNode sc && sc.asString().isEmpty();
  }
}
