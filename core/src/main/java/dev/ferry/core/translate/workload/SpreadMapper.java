package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Swarm placement preferences {@code - spread: node.labels.<key>}: spread the replicas evenly over
 * the values of a node label, best effort. On Kubernetes: a soft topologySpreadConstraint (maxSkew
 * 1, whenUnsatisfiable ScheduleAnyway, topologyKey the label, selecting the workload's own Pods).
 * Any other preference is reported (placement-constraint) and left out.
 */
public final class SpreadMapper {
  private SpreadMapper() {}

  public static List<TopologySpreadConstraint> map(TranslationContext ctx, Service s, String podName, Scope spec) {
    List<TopologySpreadConstraint> out = new ArrayList<>();
    List<String> spreads = s.deployment().deploy().placementSpreads();
    ModelPath base = s.path("deploy").key("placement").key("preferences");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < spreads.size(); i++) {
      ModelPath at = base.index(i);
      String spread = spreads.get(i);
      if (spread != null && spread.startsWith("node.labels.") && spread.length() > "node.labels.".length()) {
        String key = spread.substring("node.labels.".length());
        if (keys.contains(key)) continue;
        keys.add(key);
        out.add(new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(key)
            .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(ctx.selector(podName))
            .endLabelSelector().build());
        spec.from(ctx, "topologySpreadConstraints[" + (out.size() - 1) + "]", at, "swarm spreads replicas over the"
            + " label's values as a preference; ScheduleAnyway keeps it a preference (Pods still start when the spread"
            + " cannot be kept)");
      } else {
        ctx.report("placement-constraint", Severity.INFO, at, s.name(), "placement preference "
            + (spread == null ? "(not a spread)" : "spread: " + spread) + " is not translated: only spread over"
            + " node.labels.<key> has a Kubernetes form (a topologySpreadConstraint); the Pods may land on any node");
      }
    }
    return out;
  }
}
