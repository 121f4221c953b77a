package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A service with {@code build} and no {@code image}: the cluster has nothing to pull. Reported at
 * {@code build} by the conversion (ContainerMapper), which names the image it uses instead, so lint
 * and convert say the same thing.
 */
@RuleInfo(
    id = "build-without-image",
    summary = "A service is built locally and names no image, so a cluster has nothing to pull.",
    remediation = "Build and push the image to a registry, then set image: registry.example.com/app:1.2.3 next to build.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class BuildWithoutImage extends DiagnosticRule {}
