package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * {@code logging} with a node-local driver (json-file, local, none): the kubelet keeps and rotates
 * container logs, so nothing needs translating; rotation options are the kubelet's. Reported once per
 * project by the conversion (Coverage), so lint and convert agree.
 */
@RuleInfo(
    id = "node-logging",
    summary = "logging with json-file, local or none needs nothing on Kubernetes: the kubelet keeps and rotates container logs (one finding per project).",
    remediation = "Remove the logging key, or set the kubelet's containerLogMaxSize and containerLogMaxFiles for the"
        + " rotation that max-size and max-file gave.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class NodeLogging extends DiagnosticRule {}
