package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A pre_start hook without per_replica: true (compose's default runs it once for the service before any replica starts). Reported at the hook; a warning when the service has more than one replica. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "pre-start-once",
    summary = "A pre_start hook meant to run once per service becomes an initContainer, which runs each time a Pod starts.",
    remediation = "Keep the hook idempotent (as migrations usually are), or set per_replica: true when it is per container anyway.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class PreStartOnce extends DiagnosticRule {}
