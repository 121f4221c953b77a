package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An external config is referenced, not created: its ConfigMap must exist in the namespace. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "external-config",
    summary = "An external config is referenced, not created: its ConfigMap must exist in the namespace.",
    remediation = "Create the ConfigMap before deploying.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ExternalConfig extends DiagnosticRule {}
