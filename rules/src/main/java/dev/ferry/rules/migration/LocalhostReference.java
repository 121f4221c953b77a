package dev.ferry.rules.migration;

import dev.ferry.core.knowledge.HostReferences;
import dev.ferry.core.knowledge.WellKnownPorts;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * An environment value pointing at localhost (127.0.0.1, ::1) with a port that belongs to another
 * service ({@code DATABASE_URL=postgres://localhost:5432/app} while {@code db} listens on 5432): on
 * Kubernetes localhost is the pod itself. Ports the service itself declares, and services sharing
 * its network namespace ({@code network_mode: service:X}, one pod on Kubernetes), are not reported.
 *
 * <p>In compose, localhost inside a bridged container is the container too, so such a value is
 * usually a URL for browsers on the Docker host (published port) or works only with
 * {@code network_mode: host}; either way it must change on Kubernetes, and the message says how.
 */
@RuleInfo(
    id = "localhost-reference",
    summary = "An environment value points at localhost with another service's port; on Kubernetes localhost is the pod itself.",
    remediation = "Use the other service's name as host (db:5432); it works in compose and on Kubernetes alike.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class LocalhostReference implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (HostReferences.Ref r : HostReferences.of(ctx.project(), s)) {
        if (!HostReferences.isLoopback(r.host()) || r.port() <= 0 || ownPort(s, r.port())) continue;
        for (Service t : ctx.services()) {
          if (t == s || sharesNetwork(s, t)) continue;
          int target = portOf(t, r.port());
          if (target < 0) continue;
          ctx.report(r.path(), s.name(), "service \"" + s.name() + "\" points " + r.key() + " at " + r.host() + ":"
              + r.port() + ", a port of service \"" + t.name() + "\": on Kubernetes localhost is the pod itself, so"
              + " nothing listens there; from another pod use " + t.name() + ":" + target
              + ", and a URL meant for browsers becomes the Ingress host");
          break;
        }
      }
    }
  }

  private static boolean ownPort(Service s, int port) {
    return WellKnownPorts.declared(s).contains(port) || WellKnownPorts.published(s).contains(port)
        || WellKnownPorts.ofImage(s.identity().image()) == port;
  }

  /** The container port of {@code t} a loopback reference to {@code port} means, or -1. */
  private static int portOf(Service t, int port) {
    for (PortMapping p : t.networking().ports()) if (p.publishedStart() == port) return p.target();
    if (WellKnownPorts.declared(t).contains(port)) return port;
    if (!WellKnownPorts.declaresAny(t) && WellKnownPorts.ofImage(t.identity().image()) == port) return port;
    return -1;
  }

  /** One pod on Kubernetes: one uses the other's network namespace, or both use a third's. */
  private static boolean sharesNetwork(Service a, Service b) {
    String na = NamespaceMode.service(a.networking().networkNamespace());
    String nb = NamespaceMode.service(b.networking().networkNamespace());
    if (b.name().equals(na) || a.name().equals(nb)) return true;
    return na != null && na.equals(nb);
  }
}
