package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/** A service with {@code build} and no {@code image}: the cluster has nothing to pull. Reported at {@code build}. */
@RuleInfo(
    id = "build-without-image",
    summary = "A service is built locally and names no image, so a cluster has nothing to pull.",
    remediation = "Build and push the image to a registry, then set image: registry.example.com/app:1.2.3 next to build.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class BuildWithoutImage implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      if (s.build() == null || s.image() != null) continue;
      String context = s.build().context() == null ? "." : s.build().context();
      out.report(s.path("build"), s.name(), "service \"" + s.name() + "\" is built from " + context
          + " but names no image: Kubernetes cannot build images, it pulls them; push the image to a registry"
          + " and set image, or the manifests refer to an image name no node can pull");
    }
    out.flush();
  }
}
