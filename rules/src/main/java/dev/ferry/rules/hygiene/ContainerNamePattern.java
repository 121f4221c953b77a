package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import java.util.regex.Pattern;

/**
 * A {@code container_name} Docker rejects (it must match {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}).
 * dclint's {@code service-container-name-regex}. Option {@code pattern} sets a stricter house style.
 */
@RuleInfo(
    id = "container-name-pattern",
    summary = "A container_name does not match the allowed pattern (Docker's, or the configured one).",
    remediation = "Use letters, digits, '_', '.' and '-', starting with a letter or digit.",
    severity = Severity.ERROR,
    category = Category.HYGIENE,
    options = @RuleOption(name = "pattern", type = OptionType.REGEX, defaultValue = ContainerNamePattern.DOCKER,
        description = "The pattern a container_name must match (found anywhere in the name unless anchored)."),
    mergeSharedLines = false)
public final class ContainerNamePattern implements Rule {
  static final String DOCKER = "^[a-zA-Z0-9][a-zA-Z0-9_.-]+$";

  @Override
  public void check(RuleContext ctx) {
    String p = ctx.options().text("pattern");
    Pattern pattern = Pattern.compile(p); // checked when .ferry.yaml was read
    for (Service s : ctx.services()) {
      String n = s.identity().containerName();
      if (n == null || n.contains("${")) continue;
      if (!pattern.matcher(n).find()) {
        ctx.report(s.path("container_name"), s.name(), "container_name \"" + n + "\" does not match " + p);
      }
    }
  }
}
