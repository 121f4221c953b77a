package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A mapping has the same key twice; YAML readers disagree on which wins. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "duplicate-key",
    summary = "A mapping has the same key twice; YAML readers disagree on which wins.",
    remediation = "Remove one of the keys.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class DuplicateKey extends DiagnosticRule {}
