package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.Locale;

/**
 * A restart policy other than {@code always}: {@code restart: no}, {@code on-failure[:N]},
 * {@code unless-stopped}, or {@code deploy.restart_policy.condition: none|on-failure}. Pods of a
 * Deployment are always restarted; a service meant to run to completion becomes a Job.
 */
@RuleInfo(
    id = "restart-policy",
    summary = "A restart policy that Kubernetes expresses differently (Deployments always restart; Jobs run to completion).",
    remediation = "Long-running services: use restart: always (or omit it). One-off tasks: keep \"no\" or on-failure;"
        + " they become Jobs.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class RestartPolicy implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      if (s.restart() != null) {
        String how = meaning(s.restart().trim().toLowerCase(Locale.ROOT), s.restart());
        if (how != null) {
          out.report(s.path("restart"), s.name(), "service \"" + s.name() + "\" has restart: " + s.restart() + ": " + how);
        }
      }
      String cond = s.deploy().restartCondition();
      if (cond != null && !cond.equals("any")) {
        String how = cond.equals("none") ? meaning("no", cond) : meaning("on-failure", cond);
        if (how != null) {
          out.report(s.path("deploy").key("restart_policy").key("condition"), s.name(),
              "service \"" + s.name() + "\" has deploy.restart_policy.condition: " + cond + ": " + how);
        }
      }
    }
    out.flush();
  }

  private static String meaning(String policy, String written) {
    if (policy.equals("no")) {
      return "a Deployment cannot leave a stopped container stopped; as a run-to-completion task it becomes a Job"
          + " with restartPolicy: Never and backoffLimit: 0";
    }
    if (policy.startsWith("on-failure")) {
      String n = policy.contains(":") ? policy.substring(policy.indexOf(':') + 1) : null;
      return "a Deployment restarts its pods on success too; as a run-to-completion task it becomes a Job with"
          + " restartPolicy: OnFailure" + (n == null ? "" : " and backoffLimit: " + n);
    }
    if (policy.equals("unless-stopped")) {
      return "behaves like always on Kubernetes (restartPolicy: Always); a pod is stopped by scaling its Deployment to 0";
    }
    return null;
  }
}
