package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * A published port bound to a specific host address ({@code 127.0.0.1:8080:80}): a ClusterIP
 * Service has no host address, so "only this machine" becomes "every pod in the cluster".
 * {@code 0.0.0.0} and {@code ::} mean all interfaces and are not reported here.
 */
@RuleInfo(
    id = "host-ip-binding",
    summary = "A port is bound to a host IP (127.0.0.1:8080:80); that restriction has no meaning on Kubernetes.",
    remediation = "Drop the host IP; restrict who may connect with a NetworkPolicy, and use kubectl port-forward"
        + " for local-only access.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class HostIpBinding implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (PortMapping p : s.networking().ports()) {
        String ip = p.hostIp();
        if (ip == null || ip.isBlank() || ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]")) continue;
        boolean loopback = ip.startsWith("127.") || ip.equals("::1") || ip.equals("[::1]");
        ctx.report(p.path(), s.name(), "service \"" + s.name() + "\" binds port " + p.target() + " to host address "
            + ip + (loopback ? " (this machine only)" : "") + ": a Kubernetes Service has no host address, so the port"
            + " is reachable from every pod in the cluster; use a NetworkPolicy to restrict it");
      }
    }
  }
}
