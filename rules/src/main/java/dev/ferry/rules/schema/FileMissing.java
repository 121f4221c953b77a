package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A file the project refers to (extends, include, config or secret file) cannot be read. Reported by the loader, at the offending position. */
@RuleInfo(
    id = "file-missing",
    summary = "A file the project refers to (extends, include, config or secret file) cannot be read.",
    remediation = "Fix the path or create the file.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class FileMissing extends DiagnosticRule {}
