package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A required variable (${VAR:?message}) is not set. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "required-variable",
    summary = "A required variable (${VAR:?message}) is not set.",
    remediation = "Set the variable; compose itself refuses to start without it.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class RequiredVariable extends DiagnosticRule {}
