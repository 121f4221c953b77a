package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import java.util.List;
import java.util.Locale;

/**
 * An image without a tag, or with a moving tag ({@code latest}, {@code stable}, ...). dclint's
 * {@code service-image-require-explicit-tag}. A digest pins whatever the tag says. Option
 * {@code movingTags} replaces the list of tags treated as unpinned.
 */
@RuleInfo(
    id = "image-unpinned",
    summary = "An image has no tag or a moving tag such as latest, so what runs changes without a change in the file.",
    remediation = "Pin a version tag (postgres:16.4) or a digest (postgres@sha256:...).",
    severity = Severity.WARNING,
    category = Category.HYGIENE,
    options = @RuleOption(name = "movingTags", type = OptionType.STRING_LIST, defaultValue = ImageUnpinned.MOVING,
        description = "The tags treated as unpinned (lower case); the list replaces ferry's."))
public final class ImageUnpinned implements Rule {
  static final String MOVING = "latest, stable, edge, nightly, dev, develop, main, master, next, canary, beta, alpha,"
      + " rolling, current, lts, mainline, test, unstable";

  @Override
  public void check(RuleContext ctx) {
    List<String> moving = ctx.options().list("movingTags");
    for (Service s : ctx.services()) {
      if (s.identity().image() == null || s.identity().image().hasDigest()) continue;
      String raw = s.identity().image().raw();
      if (raw.contains("${") || raw.isBlank()) continue;
      if (!s.identity().image().hasTag()) {
        ctx.report(s.path("image"), s.name(), "image \"" + raw + "\" has no tag: it means :latest, which moves"
            + " (and Kubernetes then pulls on every Pod start: imagePullPolicy Always)");
      } else if (moving.contains(s.identity().image().tag().toLowerCase(Locale.ROOT))) {
        ctx.report(s.path("image"), s.name(), "image \"" + raw + "\" uses the moving tag \"" + s.identity().image().tag()
            + "\": two Pods of one Deployment can run different versions");
      }
    }
  }
}
