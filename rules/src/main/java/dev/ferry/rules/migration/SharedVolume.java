package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A volume several Pods use: a named volume mounted by several services (or by a service with more
 * than one replica, or {@code deploy.mode: global}), whose claim needs ReadWriteMany; a bind mount
 * or anonymous volume that became one claim shared by several Pods; a volume that becomes one
 * emptyDir per Pod (--volumes emptydir). Reported by the conversion (Storage, BindClaims), which
 * knows which Pods share a claim, so lint and convert say the same thing.
 */
@RuleInfo(
    id = "shared-volume",
    summary = "A named volume is shared by several services or replicas, which needs a ReadWriteMany volume.",
    remediation = "Use a storage class that offers ReadWriteMany (NFS, CephFS, EFS, Azure Files), or give each"
        + " service its own volume; for read-only sharing, mount it read_only everywhere.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class SharedVolume extends DiagnosticRule {}
