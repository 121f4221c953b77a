package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A healthcheck value has the wrong type or unit (retries: 10s, a duration without unit, timeout >= interval). Reported by the loader, at the offending position. */
@RuleInfo(
    id = "healthcheck-invalid",
    summary = "A healthcheck value has the wrong type or unit (retries: 10s, a duration without unit, timeout >= interval).",
    remediation = "retries is a count (3); interval, timeout and start_period are durations with units (10s, 1m30s).",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class HealthcheckInvalid extends DiagnosticRule {}
