package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A bind mount: host paths do not exist on cluster nodes. Reported by the conversion (the mapper
 * that decides what the mount becomes: a ConfigMap or Secret copy, a PersistentVolumeClaim, nothing),
 * so lint and convert say the same thing. Runtime sockets are the {@code docker-socket-mount} rule's.
 */
@RuleInfo(
    id = "bind-mount",
    summary = "A bind mount: the host path does not exist in a cluster; the finding says what the mount becomes"
        + " (a ConfigMap or Secret copy, a PersistentVolumeClaim, or nothing).",
    remediation = "Bake code into the image, keep configuration files in the project (they are copied into ConfigMaps"
        + " or Secrets), and copy existing data into the claim; steer a mount with x-ferry mounts.\"<target>\".type.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class BindMount extends DiagnosticRule {}
