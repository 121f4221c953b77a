package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** The file is not valid YAML (or not UTF-8, or too large or deep). Reported by the loader, at the offending position. */
@RuleInfo(
    id = "yaml-syntax",
    summary = "The file is not valid YAML (or not UTF-8, or too large or deep).",
    remediation = "Fix the YAML at the position shown; every error of the file is listed.",
    severity = Severity.ERROR,
    category = Category.SCHEMA)
public final class YamlSyntax extends DiagnosticRule {}
