package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.Locale;

/**
 * A service without {@code security_opt: [no-new-privileges:true]}: a setuid binary in the image can
 * still raise privileges. Reported at {@code security_opt} when present, else at the service.
 * Privileged services are left to the {@code privileged} rule.
 */
@RuleInfo(
    id = "no-new-privileges-missing",
    summary = "A service does not set security_opt no-new-privileges:true.",
    remediation = "Add security_opt: [\"no-new-privileges:true\"] (allowPrivilegeEscalation: false on Kubernetes).",
    severity = Severity.INFO,
    category = Category.SECURITY)
public final class NoNewPrivilegesMissing implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (s.security().privileged() || hasNoNewPrivileges(s)) continue;
      boolean present = s.has("security_opt");
      ctx.report(present ? s.path("security_opt") : s.path(), s.name(),
          "service \"" + s.name() + "\" does not set no-new-privileges: setuid binaries can raise privileges;"
              + " the Kubernetes equivalent is allowPrivilegeEscalation: false");
    }
  }

  static boolean hasNoNewPrivileges(Service s) {
    for (String o : s.security().securityOpt()) {
      String v = o.trim().toLowerCase(Locale.ROOT).replace('=', ':');
      if (v.equals("no-new-privileges") || v.equals("no-new-privileges:true")) return true;
    }
    return false;
  }
}
