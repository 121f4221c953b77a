package dev.ferry.rules.portability;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.ServiceNetwork;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/** {@code ipv4_address}/{@code ipv6_address} on a service network: pod IPs are assigned by the cluster. */
@RuleInfo(
    id = "static-ip",
    summary = "A service has a fixed IP address on a network; pod IPs are assigned by the cluster and change.",
    remediation = "Reach the service by name. Clients that need a stable IP can use the Service's ClusterIP"
        + " (spec.clusterIP) instead.",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class StaticIp implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (ServiceNetwork n : s.networking().networks().values()) {
        report(ctx, s, n, "ipv4_address", n.ipv4Address());
        report(ctx, s, n, "ipv6_address", n.ipv6Address());
      }
    }
  }

  private static void report(RuleContext ctx, Service s, ServiceNetwork n, String key, String ip) {
    if (ip == null || ip.isBlank()) return;
    ctx.report(s.path("networks").key(n.name()).key(key), s.name(), "service \"" + s.name() + "\" has the fixed address "
        + ip + " on network \"" + n.name() + "\": pod IPs are assigned by the cluster's network plugin and change on"
        + " every restart, so the address is dropped; anything that uses it must use the Service name");
  }
}
