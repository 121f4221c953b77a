package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An env_file line cannot be parsed. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "env-file-invalid",
    summary = "An env_file line cannot be parsed.",
    remediation = "Use KEY=VALUE lines; quote values with spaces.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class EnvFileInvalid extends DiagnosticRule {}
