package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/** {@code privileged: true}: the container gets every capability and every device of the host. */
@RuleInfo(
    id = "privileged",
    summary = "A service runs privileged: root on the host in all but name.",
    remediation = "Remove privileged: true; add only the capabilities (cap_add) and devices the service needs.",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class PrivilegedContainer implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (s.security().privileged()) {
        ctx.report(s.path("privileged"), s.name(),
            "service \"" + s.name() + "\" runs privileged: it gets all capabilities and the host's devices; on"
                + " Kubernetes securityContext.privileged is rejected by the Pod Security 'baseline' and"
                + " 'restricted' levels");
      }
    }
  }
}
