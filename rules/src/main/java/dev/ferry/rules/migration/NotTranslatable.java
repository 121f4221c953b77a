package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * Compose keys and values with no Kubernetes equivalent (a service key such as devices, ulimits,
 * logging with a driver other than a node-local one, a volume type, a deploy key, a hostname...):
 * one finding per key, at the key, saying what is lost. Reported by the conversion (Coverage and the
 * mappers that know the value), so lint and convert say the same thing.
 */
@RuleInfo(
    id = "not-translatable",
    summary = "A service key has no Kubernetes equivalent and is dropped (devices, ulimits, logging, volumes_from, ...).",
    remediation = "Remove the key, or recreate its effect on the cluster side (device plugins, node configuration,"
        + " the cluster's log collector, shared volumes).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class NotTranslatable extends DiagnosticRule {}
