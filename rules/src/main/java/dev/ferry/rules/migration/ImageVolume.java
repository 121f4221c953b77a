package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A type: image volume: the filesystem of an OCI image mounted read-only into the container. Reported at the volume entry. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "image-volume",
    summary = "A type: image volume becomes a Kubernetes image volume, which needs Kubernetes 1.33+ (below that it is not mounted).",
    remediation = "Convert with --kube-version 1.33 (or later) for a cluster that has image volumes, or copy the files into the service's image.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ImageVolume extends DiagnosticRule {}
