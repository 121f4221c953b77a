package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each {@code deploy.placement.constraints} item: {@code node.labels.X == Y} becomes the nodeSelector
 * {@code X: Y}; anything else (node.role, node.hostname, node.platform.*, engine.labels.*, {@code !=})
 * cannot be translated and is dropped, so the pod may land on any node.
 */
@RuleInfo(
    id = "placement-constraint",
    summary = "How a swarm placement constraint is translated: node.labels.X == Y becomes a nodeSelector, others are dropped.",
    remediation = "Label the nodes and use node.labels.<key> == <value> constraints, or set nodeSelector/affinity"
        + " on the Kubernetes side.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class PlacementConstraint implements Rule {
  private static final Pattern NODE_LABEL = Pattern.compile("\\s*node\\.labels\\.([^\\s=!]+)\\s*==\\s*(\\S+)\\s*");
  private static final Pattern WELL_KNOWN =
      Pattern.compile("\\s*node\\.(hostname|platform\\.os|platform\\.arch)\\s*==\\s*(\\S+)\\s*");

  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      List<String> cs = s.deploy().placementConstraints();
      for (int i = 0; i < cs.size(); i++) {
        String c = cs.get(i);
        String head = "service \"" + s.name() + "\" has the placement constraint \"" + c.trim() + "\": ";
        Matcher m = NODE_LABEL.matcher(c);
        String msg;
        if (m.matches()) {
          msg = head + "it becomes the nodeSelector " + m.group(1) + ": " + unquote(m.group(2))
              + " (the cluster's nodes need that label)";
        } else {
          Matcher w = WELL_KNOWN.matcher(c);
          String hint = w.matches() ? "; the node label " + label(w.group(1)) + " carries the same information" : "";
          msg = head + "it cannot be translated and is dropped, so the pod may be scheduled on any node" + hint;
        }
        out.report(s.path("deploy").key("placement").key("constraints").index(i), s.name(), msg);
      }
    }
    out.flush();
  }

  private static String label(String field) {
    return switch (field) {
      case "hostname" -> "kubernetes.io/hostname";
      case "platform.os" -> "kubernetes.io/os";
      default -> "kubernetes.io/arch (amd64/arm64 rather than x86_64/aarch64)";
    };
  }

  private static String unquote(String v) {
    return v.length() > 1 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
        ? v.substring(1, v.length() - 1) : v;
  }
}
