package dev.ferry.rules.portability;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A GPU request: a {@code deploy.resources.reservations.devices} item with the {@code gpu}
 * capability or the {@code nvidia} driver, or the {@code gpus} key. On Kubernetes GPUs are an
 * extended resource ({@code nvidia.com/gpu}) that exists only where the vendor's device plugin runs.
 * Reported by the conversion (GpuMapper, which sets the limit), so lint and convert say the same.
 */
@RuleInfo(
    id = "gpu-reservation",
    summary = "A service reserves GPUs: on Kubernetes that needs a device plugin (nvidia.com/gpu) on the nodes.",
    remediation = "Install the NVIDIA device plugin (or GPU operator) on GPU nodes; request a whole number of GPUs.",
    severity = Severity.INFO,
    category = Category.PORTABILITY)
public final class GpuReservation extends DiagnosticRule {}
