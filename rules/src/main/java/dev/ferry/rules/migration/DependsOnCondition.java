package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * How each {@code depends_on} entry will be honoured on Kubernetes, which has no start order:
 * service_started by an initContainer waiting for the dependency's Service (DNS and TCP);
 * service_healthy by waiting for the Service to have a ready endpoint (the healthcheck becomes the
 * readiness probe); service_completed_successfully by running the dependency as a Job and waiting
 * for it to complete; a warning where nothing can wait (a dependency without a Service).
 * {@code restart: true} has no equivalent. Reported by the conversion (DependencyWaits), which
 * builds the waits, so lint and convert say the same thing.
 */
@RuleInfo(
    id = "depends-on-condition",
    summary = "How a depends_on condition is honoured on Kubernetes (initContainers and Jobs).",
    remediation = "Nothing to fix; make applications retry their connections, since Kubernetes restarts pods"
        + " independently of their dependencies.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class DependsOnCondition extends DiagnosticRule {}
