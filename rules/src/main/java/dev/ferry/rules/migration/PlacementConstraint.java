package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * Each {@code deploy.placement.constraints} item: {@code node.labels.X}, {@code node.hostname} and
 * {@code node.platform.os/arch} with {@code ==} become nodeSelector entries, with {@code !=} a
 * required node affinity {@code NotIn}; anything else (node.role, node.id, engine.labels.*) cannot
 * be translated and is dropped (warning), so the Pod may land on any node. Placement preferences
 * other than {@code spread: node.labels.<key>} (a soft topologySpreadConstraint) are reported too. Reported by the conversion (PodMapper), so lint and convert agree.
 */
@RuleInfo(
    id = "placement-constraint",
    summary = "How a swarm placement constraint is translated: node labels, hostname and platform become a nodeSelector or node affinity; others are dropped.",
    remediation = "Label the nodes and use node.labels.<key> == <value> constraints, or set nodeSelector/affinity"
        + " on the Kubernetes side.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class PlacementConstraint extends DiagnosticRule {}
