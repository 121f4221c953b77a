package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An x-ferry or kompose steering value is not understood. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "steering-invalid",
    summary = "An x-ferry or kompose steering value is not understood.",
    remediation = "Use a value listed in docs/steering.md.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class SteeringInvalid extends DiagnosticRule {}
