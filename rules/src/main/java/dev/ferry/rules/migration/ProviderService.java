package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A service with provider: (compose delegates its setup to a provider plugin, such as a cloud database). Reported at provider. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "provider-service",
    summary = "A provider service is set up by an external component in compose; on Kubernetes nothing runs it.",
    remediation = "Provision the resource on the cluster (an operator or a managed service) and create the Secret named after the service with the variables its dependants need.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class ProviderService extends DiagnosticRule {}
