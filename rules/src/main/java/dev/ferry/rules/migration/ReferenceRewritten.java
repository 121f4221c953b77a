package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An environment value refers to a service whose Kubernetes name differs; convert rewrites the reference. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "reference-rewritten",
    summary = "An environment value refers to a service whose Kubernetes name differs; convert rewrites the reference.",
    remediation = "Rename the service to a DNS-1123 label (lower-case, digits, '-') so no rewriting is needed.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ReferenceRewritten extends DiagnosticRule {}
