package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A variable used in interpolation is not set and has no default, so it becomes empty. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "undefined-variable",
    summary = "A variable used in interpolation is not set and has no default, so it becomes empty.",
    remediation = "Set it in .env or the environment, or give a default: ${VAR:-default}.",
    severity = Severity.WARNING,
    category = Category.SCHEMA)
public final class UndefinedVariable extends DiagnosticRule {}
