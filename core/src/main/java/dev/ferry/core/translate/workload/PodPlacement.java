package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a Pod may run: placement constraints and platform → nodeSelector or a NotIn node affinity, topology spread. */
final class PodPlacement {
  private static final Pattern CONSTRAINT = Pattern.compile("\\s*([\\w.-]+)\\s*(==|!=)\\s*(\\S+)\\s*");

  private PodPlacement() {}

  /** Where the Pod may run: nodeSelector, a NotIn node affinity (placement constraints, platform), topology spread. */
  static void map(TranslationContext ctx, Service owner, String podName, Scope spec, PodSpec b) {
    List<NodeSelectorRequirement> notIn = new ArrayList<>();
    Map<String, String> nodeSelector = nodeSelector(ctx, owner, spec, notIn);
    if (!nodeSelector.isEmpty()) b.setNodeSelector(nodeSelector);
    if (!notIn.isEmpty()) {
      b.setAffinity(new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm().withMatchExpressions(notIn).endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
    }
    List<TopologySpreadConstraint> spread = SpreadMapper.map(ctx, owner, podName, spec);
    if (!spread.isEmpty()) b.setTopologySpreadConstraints(spread);
  }

  /**
   * placement constraints (node.labels.X == Y, node.hostname, node.platform.*) and platform →
   * nodeSelector; the same attributes with {@code !=} → a required node affinity {@code NotIn}
   * (added to {@code notIn}).
   */
  private static Map<String, String> nodeSelector(TranslationContext ctx, Service s, Scope spec,
      List<NodeSelectorRequirement> notIn) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> cons = s.deployment().deploy().placementConstraints();
    for (int i = 0; i < cons.size(); i++) {
      ModelPath at = s.path("deploy").key("placement").key("constraints").index(i);
      Matcher m = CONSTRAINT.matcher(cons.get(i));
      String key = null;
      String value = null;
      if (m.matches()) {
        String attr = m.group(1);
        value = m.group(3);
        if (attr.startsWith("node.labels.")) key = attr.substring("node.labels.".length());
        else if (attr.equals("node.hostname")) key = "kubernetes.io/hostname";
        else if (attr.equals("node.platform.os")) key = "kubernetes.io/os";
        else if (attr.equals("node.platform.arch")) {
          key = "kubernetes.io/arch";
          value = arch(value);
        }
      }
      String head = "service \"" + s.name() + "\" has the placement constraint \"" + cons.get(i).trim() + "\": ";
      if (key != null && PodAnnotations.validLabel(key, value) && m.group(2).equals("==")) {
        out.put(key, value);
        spec.from(ctx, "nodeSelector", at);
        ctx.report("placement-constraint", Severity.INFO, at, s.name(), head + "it becomes the nodeSelector " + key
            + ": " + value + " (the cluster's nodes need that label)");
      } else if (key != null && PodAnnotations.validLabel(key, value)) {
        notIn.add(new NodeSelectorRequirementBuilder().withKey(key).withOperator("NotIn").withValues(value).build());
        spec.from(ctx, "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
            + ".matchExpressions[" + (notIn.size() - 1) + "]", at, "!= becomes a required node affinity with operator NotIn");
        ctx.report("placement-constraint", Severity.INFO, at, s.name(), head + "it becomes a required node affinity "
            + key + " NotIn [" + value + "]");
      } else {
        ctx.report("placement-constraint", Severity.WARNING, at, s.name(), head + "it has no Kubernetes equivalent"
            + " (node.labels.X, node.hostname and node.platform.os/arch map, with == or !=) and is not applied, so"
            + " the Pod may be scheduled on any node");
      }
    }
    if (s.identity().platform() != null) {
      String[] p = s.identity().platform().split("/");
      if (p.length >= 2) {
        out.putIfAbsent("kubernetes.io/os", p[0]);
        out.putIfAbsent("kubernetes.io/arch", arch(p[1]));
        spec.from(ctx, "nodeSelector", s.path("platform"));
      }
    }
    return out;
  }

  private static String arch(String a) {
    return switch (a) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }
}
