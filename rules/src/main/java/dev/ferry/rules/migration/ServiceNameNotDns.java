package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A service name that is not a DNS-1123 label (what a Kubernetes Service name must be):
 * underscores, capitals, dots, a leading digit, or more than 63 characters. Reported by the
 * conversion (WorkloadMapper) with the name its objects get (Naming), so lint and convert say the
 * same thing.
 */
@RuleInfo(
    id = "service-name-not-dns",
    summary = "A service name is not a valid DNS label, so its Kubernetes Service gets another name.",
    remediation = "Rename the service to lower-case letters, digits and '-' (e.g. postgres_db -> postgres-db),"
        + " and update the places that reach it by name.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class ServiceNameNotDns extends DiagnosticRule {}
