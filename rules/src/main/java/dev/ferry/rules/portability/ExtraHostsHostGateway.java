package dev.ferry.rules.portability;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * An {@code extra_hosts} entry mapped to {@code host-gateway} (usually
 * {@code host.docker.internal:host-gateway}): the Docker host's address has no meaning in a cluster;
 * hostAliases need a literal IP.
 */
@RuleInfo(
    id = "extra-hosts-host-gateway",
    summary = "extra_hosts maps a name to host-gateway (the Docker host), which does not exist in a cluster.",
    remediation = "Run what the service reaches on the host as a service of its own, or point the name at a"
        + " Service (ExternalName for something outside the cluster).",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class ExtraHostsHostGateway implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (Map.Entry<String, List<String>> e : s.networking().extraHosts().entrySet()) {
        List<String> ips = e.getValue();
        for (int i = 0; i < ips.size(); i++) {
          if (!ips.get(i).trim().equals("host-gateway")) continue;
          ctx.report(s.path("extra_hosts").key(e.getKey()).index(i), s.name(), "service \"" + s.name() + "\" maps "
              + e.getKey() + " to host-gateway: on Kubernetes there is no Docker host to reach, and hostAliases need a"
              + " fixed IP, so the entry is dropped and " + e.getKey() + " does not resolve");
        }
      }
    }
  }
}
