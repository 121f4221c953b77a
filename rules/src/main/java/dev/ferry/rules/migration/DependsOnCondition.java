package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * How each {@code depends_on} entry will be honoured on Kubernetes, which has no start order:
 * service_started by an initContainer waiting for the dependency's Service (DNS and TCP);
 * service_healthy by waiting for the Service to have a ready endpoint (the healthcheck becomes the
 * readiness probe); service_completed_successfully by running the dependency as a Job and waiting
 * for it to complete. {@code restart: true} has no equivalent.
 */
@RuleInfo(
    id = "depends-on-condition",
    summary = "How a depends_on condition is honoured on Kubernetes (initContainers and Jobs).",
    remediation = "Nothing to fix; make applications retry their connections, since Kubernetes restarts pods"
        + " independently of their dependencies.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class DependsOnCondition implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (DependsOn d : s.dependsOn().values()) {
        String dep = "\"" + d.service() + "\"";
        String how = switch (d.condition()) {
          case DependsOn.HEALTHY -> "an initContainer waits until the " + dep
              + " Service has a ready endpoint (its healthcheck becomes the readiness probe)";
          case DependsOn.COMPLETED -> dep + " runs as a Job and an initContainer waits for it to complete";
          default -> "an initContainer waits until the " + dep + " Service resolves and accepts TCP connections"
              + " (started, not necessarily ready)";
        };
        String extra = d.restart() ? "; restart: true has no equivalent (a restart of " + dep + " does not restart \""
            + s.name() + "\")" : "";
        out.report(d.path(), s.name(), "service \"" + s.name() + "\" depends on " + dep + " (" + d.condition()
            + "): on Kubernetes " + how + extra);
      }
    }
    out.flush();
  }
}
