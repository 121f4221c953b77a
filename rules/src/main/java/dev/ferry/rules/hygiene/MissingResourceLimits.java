package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Resources;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/** No memory limit and no CPU/memory reservation: on Kubernetes the Pod is BestEffort and evicted first. */
@RuleInfo(
    id = "missing-resource-limits",
    summary = "A service declares no resource limits or reservations.",
    remediation = "Set deploy.resources.limits.memory and deploy.resources.reservations (cpus, memory);"
        + " they become the container's limits and requests.",
    severity = Severity.INFO,
    category = Category.HYGIENE)
public final class MissingResourceLimits implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      Resources r = s.resources();
      if (r != null && !r.isEmpty()) continue;
      ctx.report(s.path(), s.name(), "service \"" + s.name() + "\" sets no resource limits or reservations:"
          + " its Pod gets QoS class BestEffort (no requests, so the scheduler cannot place it well, and it is"
          + " evicted first under memory pressure)");
    }
  }
}
