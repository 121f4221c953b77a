package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A long-running service that declares neither {@code ports} nor {@code expose}. Compose resolves
 * every service name and reaches any port; on Kubernetes a name is a Service. ferry gives the
 * service a Service whose port is inferred (from a {@code host:port} reference in another service's
 * environment, then from a well-known image), or a headless Service without ports when no port can
 * be known. Reported by the conversion (ServicePorts), which makes that decision, so lint and convert say
 * the same thing; the remediation names the port ferry inferred.
 */
@RuleInfo(
    id = "unreachable-service",
    summary = "A service declares no ports or expose; its Kubernetes Service gets an inferred port or is headless.",
    remediation = "Declare the port the service listens on with expose (container-only, no host port).",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class UnreachableService extends DiagnosticRule {}
