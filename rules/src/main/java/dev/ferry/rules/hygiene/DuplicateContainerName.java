package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.HashMap;
import java.util.Map;

/** Two services with the same {@code container_name}: compose refuses to start the second. dclint's {@code no-duplicate-container-names}. */
@RuleInfo(
    id = "duplicate-container-name",
    summary = "Two services use the same container_name; the second cannot start.",
    remediation = "Give each service its own container_name, or drop container_name.",
    severity = Severity.ERROR,
    category = Category.HYGIENE,
    mergeSharedLines = false)
public final class DuplicateContainerName implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Map<String, Service> first = new HashMap<>();
    for (Service s : ctx.services()) {
      if (s.identity().containerName() == null) continue;
      Service prev = first.putIfAbsent(s.identity().containerName(), s);
      if (prev != null) {
        ctx.report(s.path("container_name"), s.name(), "container_name \"" + s.identity().containerName()
            + "\" is already used by service \"" + prev.name() + "\"");
      }
    }
  }
}
