package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A database with a named volume becomes a Deployment; a StatefulSet may suit it better. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "statefulset-suggested",
    summary = "A database with a named volume becomes a Deployment; a StatefulSet may suit it better.",
    remediation = "Steer it with x-ferry: {kind: statefulset}.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class StatefulSetSuggested extends DiagnosticRule {}
