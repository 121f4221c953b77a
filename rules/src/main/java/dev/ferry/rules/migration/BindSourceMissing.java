package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A bind-mounted file does not exist, so there is nothing to copy into the cluster. Reported by the conversion, at the mount. */
@RuleInfo(
    id = "bind-source-missing",
    summary = "A bind mount's source file does not exist: the file the program reads cannot be copied into the cluster.",
    remediation = "Create the file (copy it from its example) and convert again; the image's own file is used until then.",
    severity = Severity.ERROR,
    category = Category.MIGRATION)
public final class BindSourceMissing extends DiagnosticRule {}
