package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Restart;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * A long-running service with no healthcheck: on Kubernetes it gets no readiness probe, so traffic
 * and dependants reach it before it is ready. Run-once services ({@code restart: "no"}) are skipped.
 */
@RuleInfo(
    id = "missing-healthcheck",
    summary = "A long-running service has no healthcheck, so it gets no readiness or liveness probe.",
    remediation = "Add a healthcheck (test, interval, timeout, retries, start_period); ferry turns it into"
        + " readiness and liveness probes.",
    severity = Severity.INFO,
    category = Category.HYGIENE)
public final class MissingHealthcheck implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (Restart.is(s.deployment().restartPolicy(), Restart.Policy.NO)
          || s.networking().networkNamespace() instanceof NamespaceMode.OfService) continue;
      if (s.health().healthcheck() != null && !s.health().healthcheck().isDisabled()) continue;
      if (s.health().healthcheck() != null) {
        ctx.report(s.path("healthcheck"), s.name(), "service \"" + s.name() + "\" disables its image's healthcheck:"
            + " the Pod gets no readiness probe and receives traffic as soon as the process starts");
      } else {
        ctx.report(s.path(), s.name(), "service \"" + s.name() + "\" has no healthcheck: the Pod gets no readiness"
            + " probe (traffic and dependants reach it as soon as the process starts) unless the image's HEALTHCHECK"
            + " is written into the compose file");
      }
    }
  }
}
