package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An env_file does not exist. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "env-file-missing",
    summary = "An env_file does not exist.",
    remediation = "Create the file, fix the path, or mark it required: false.",
    severity = Severity.WARNING,
    category = Category.SCHEMA)
public final class EnvFileMissing extends DiagnosticRule {}
