package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A restart policy Kubernetes cannot keep for the workload the service becomes: {@code restart: no}
 * or {@code on-failure[:N]}, or {@code deploy.restart_policy.condition: none|on-failure}, on a
 * service that stays a Deployment (Pods of a Deployment are always restarted; a service meant to run
 * to completion is a Job). Reported by the conversion (WorkloadMapper), which decides the workload
 * kind, so lint and convert say the same thing.
 */
@RuleInfo(
    id = "restart-policy",
    summary = "A restart policy that Kubernetes expresses differently (Deployments always restart; Jobs run to completion).",
    remediation = "Long-running services: use restart: always (or omit it). One-off tasks: keep \"no\" or on-failure;"
        + " they become Jobs.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class RestartPolicy extends DiagnosticRule {}
