package dev.ferry.rules.portability;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A sysctl outside Kubernetes' safe set. Reported by the conversion (SecurityMapper), at the sysctl. */
@RuleInfo(
    id = "unsafe-sysctl",
    summary = "A sysctl is outside Kubernetes' safe set; the kubelet rejects the Pod unless the node allows it.",
    remediation = "Drop the sysctl, set it on the nodes instead, or have the cluster's nodes allow it"
        + " (kubelet --allowed-unsafe-sysctls) and schedule the Pod there.",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class UnsafeSysctl extends DiagnosticRule {}
