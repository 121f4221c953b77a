package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** An external volume is referenced, not created: its claim must exist in the namespace. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "external-volume",
    summary = "An external volume is referenced, not created: its claim must exist in the namespace.",
    remediation = "Create the PersistentVolumeClaim before deploying.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ExternalVolume extends DiagnosticRule {}
