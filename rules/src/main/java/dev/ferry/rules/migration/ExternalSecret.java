package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An external secret is referenced, not created: its Secret must exist in the namespace. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "external-secret",
    summary = "An external secret is referenced, not created: its Secret must exist in the namespace.",
    remediation = "Create the Secret before deploying.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ExternalSecret extends DiagnosticRule {}
