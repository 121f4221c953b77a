package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A value does not match the compose-spec schema. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "schema",
    summary = "A value does not match the compose-spec schema.",
    remediation = "Use the key and type the compose-spec expects at that position.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class Schema extends DiagnosticRule {}
