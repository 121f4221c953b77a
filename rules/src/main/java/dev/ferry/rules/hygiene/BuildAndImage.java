package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;

/**
 * {@code build} and {@code image} in one service: compose builds and tags the image with that name
 * (overwriting a pulled one), which is ambiguous to readers. dclint's {@code no-build-and-image};
 * like dclint's {@code checkPullPolicy}, a service that sets {@code pull_policy} says what it
 * means and is not flagged (option {@code checkPullPolicy: false} flags it anyway).
 */
@RuleInfo(
    id = "build-and-image",
    summary = "A service has both build and image; it is unclear whether the image is built or pulled.",
    remediation = "Keep one; or set pull_policy (build, missing, always) to say which wins.",
    severity = Severity.WARNING,
    category = Category.HYGIENE,
    options = @RuleOption(name = "checkPullPolicy", type = OptionType.BOOLEAN, defaultValue = "true",
        description = "Whether a pull_policy settles it (false: flag build with image even then)."))
public final class BuildAndImage implements Rule {
  @Override
  public void check(RuleContext ctx) {
    boolean checkPullPolicy = ctx.options().flag("checkPullPolicy");
    for (Service s : ctx.services()) {
      if (s.identity().build() == null || s.identity().image() == null) continue;
      if (checkPullPolicy && s.identity().pullPolicy() != null) continue;
      ctx.report(s.path("build"), s.name(), "service \"" + s.name() + "\" has both build and image (\""
          + s.identity().image().raw() + "\"): compose builds and tags it locally; on Kubernetes only the pushed image counts");
    }
  }
}
