package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * Each network alias (and link alias): on Kubernetes a name is a Service, so an alias becomes an
 * extra Service selecting the same Pods, visible in the whole namespace rather than one network;
 * a warning where it cannot (the name is taken or not a DNS label, or the service has no ports and
 * so no Service). Reported by the conversion (ServiceMapper), which creates those Services.
 */
@RuleInfo(
    id = "network-alias",
    summary = "A network alias needs an extra Kubernetes Service, visible namespace-wide.",
    remediation = "Prefer the service name; keep an alias only where clients cannot be changed.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class NetworkAlias extends DiagnosticRule {}
