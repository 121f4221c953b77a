package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * A {@code depends_on} entry on a service without a healthcheck (or with it disabled):
 * {@code service_healthy} then fails in compose unless the image defines a HEALTHCHECK, and on
 * Kubernetes no readiness probe exists to wait for; {@code service_started} only orders start-up,
 * which Kubernetes approximates with an initContainer waiting for the dependency's Service.
 * {@code service_completed_successfully} needs no healthcheck and is not reported.
 */
@RuleInfo(
    id = "depends-on-without-healthcheck",
    summary = "A service depends on a service that has no healthcheck.",
    remediation = "Give the dependency a healthcheck (it becomes its readiness probe) and depend on it with"
        + " condition: service_healthy.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class DependsOnWithoutHealthcheck implements Rule {
  @Override
  public void check(RuleContext ctx) {
    if (ctx.project() == null) return;
    for (Service s : ctx.services()) {
      for (DependsOn d : s.health().dependsOn().values()) {
        Service target = ctx.project().service(d.service());
        if (target == null || hasHealthcheck(target) || DependsOn.COMPLETED.equals(d.condition())) continue;
        String msg;
        if (DependsOn.HEALTHY.equals(d.condition())) {
          msg = "service \"" + s.name() + "\" waits for \"" + d.service() + "\" to be healthy, but \"" + d.service()
              + "\" has no healthcheck: compose fails to start it unless the image defines a HEALTHCHECK, and on"
              + " Kubernetes there is no readiness probe to wait for";
        } else {
          msg = "service \"" + s.name() + "\" depends on \"" + d.service() + "\", which has no healthcheck: on"
              + " Kubernetes start order is approximated by an initContainer waiting for the \"" + d.service()
              + "\" Service to accept connections, which may be before it is ready";
        }
        ctx.report(d.path(), s.name(), msg);
      }
    }
  }

  static boolean hasHealthcheck(Service s) {
    return s.health().healthcheck() != null && !s.health().healthcheck().isDisabled() && s.health().healthcheck().test() != null
        && !s.health().healthcheck().test().isEmpty();
  }
}
