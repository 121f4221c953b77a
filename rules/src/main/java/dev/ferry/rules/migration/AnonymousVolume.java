package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An anonymous volume becomes an emptyDir, whose data lasts only as long as the Pod. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "anonymous-volume",
    summary = "An anonymous volume becomes an emptyDir, whose data lasts only as long as the Pod.",
    remediation = "Use a named volume if the data must survive the Pod.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class AnonymousVolume extends DiagnosticRule {}
