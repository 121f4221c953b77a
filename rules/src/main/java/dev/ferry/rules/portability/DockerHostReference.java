package dev.ferry.rules.portability;

import dev.ferry.core.knowledge.HostReferences;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.Locale;
import java.util.Set;

/**
 * An environment value pointing at the Docker host: {@code host.docker.internal},
 * {@code gateway.docker.internal}, {@code docker.for.mac.localhost}, or the default bridge gateway
 * {@code 172.17.0.1}. On Kubernetes there is no Docker host behind the pod.
 */
@RuleInfo(
    id = "docker-host-reference",
    summary = "An environment value points at the Docker host (host.docker.internal, 172.17.0.1), which a pod cannot reach.",
    remediation = "Run the dependency as a service of the project, or reach an outside system through an"
        + " ExternalName Service or its real address.",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class DockerHostReference implements Rule {
  static final Set<String> HOSTS = Set.of(
      "host.docker.internal", "gateway.docker.internal", "docker.for.mac.localhost", "docker.for.win.localhost",
      "docker.for.mac.host.internal", "host.containers.internal", "172.17.0.1");

  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (HostReferences.Ref r : HostReferences.of(ctx.project(), s)) {
        String h = r.host().toLowerCase(Locale.ROOT);
        if (!HOSTS.contains(h)) continue;
        ctx.report(r.path(), s.name(), "service \"" + s.name() + "\" points " + r.key() + " at the Docker host ("
            + r.host() + "): on Kubernetes there is no Docker host behind the pod, so "
            + (h.equals("172.17.0.1") ? "the default bridge gateway address leads nowhere" : "the name does not resolve")
            + "; a URL meant for browsers becomes the Ingress host");
      }
    }
  }
}
