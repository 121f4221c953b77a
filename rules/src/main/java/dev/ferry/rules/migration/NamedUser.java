package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * {@code user} (or a {@code pre_start} hook's user, or a {@code group_add} entry) given as a name
 * ({@code node}, {@code www-data}, {@code 1000:staff}): Kubernetes' runAsUser, runAsGroup and
 * supplementalGroups take numbers only, so the image's user applies. {@code root} is uid 0 and not
 * reported here (see {@code root-user}). Reported by the conversion (SecurityMapper, PreStartMapper,
 * PodMapper), which maps the ids, so lint and convert say the same thing.
 */
@RuleInfo(
    id = "named-user",
    summary = "user is a name, which cannot become a numeric runAsUser/runAsGroup on Kubernetes.",
    remediation = "Use the numeric ids: user: \"1000:1000\" (look them up with `docker run --rm IMAGE id NAME`).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class NamedUser extends DiagnosticRule {}
