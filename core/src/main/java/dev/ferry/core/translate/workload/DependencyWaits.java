package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.WorkloadPlan;
import dev.ferry.core.translate.network.ServicePorts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code depends_on} to start order. Kubernetes starts every Pod at once; an initContainer that
 * waits is the faithful form. service_started and service_healthy wait until the dependency's
 * Service accepts a connection: a Service only routes to ready Pods, and the readiness probe is the
 * healthcheck, so this is "healthy" when the dependency has one (and "started" otherwise).
 * service_completed_successfully waits for the dependency's Job to complete, with kubectl and a
 * Role that may only read Jobs; its token is mounted into that initContainer alone. Images are
 * pinned, never :latest. Dependencies inside the same Pod (sidecars) need no wait.
 */
public final class DependencyWaits {
  /** The kubectl image used to wait for Jobs (pinned). */
  public static final String KUBECTL_IMAGE = "registry.k8s.io/kubectl:v1.33.1";
  static final String TOKEN_VOLUME = "job-wait-token";

  /** The initContainers, plus the Pod-level pieces a Job wait needs (service account, token volume). */
  public record Waits(List<Container> initContainers, String serviceAccount, Volume tokenVolume) {}

  private DependencyWaits() {}

  public static Waits map(TranslationContext ctx, WorkloadPlan plan, List<Service> members, String podName, Scope scope) {
    List<Container> out = new ArrayList<>();
    String sa = null;
    Volume token = null;
    String owner = plan.podOwner(members.get(0).name());
    for (Service s : members) {
      for (DependsOn d : s.health().dependsOn().values()) {
        Service dep = ctx.project().service(d.service());
        Wait w = dep == null ? null : waitFor(ctx, plan, owner, new Edge(s, d, dep));
        if (w == null || out.stream().anyMatch(c -> c.getName().equals(w.container().getName()))) continue;
        if (w.readsJobs()) {
          sa = JobWaiterAccess.serviceAccount(ctx);
          token = JobWaiterAccess.tokenVolume();
        }
        out.add(w.container());
        scope.from(ctx, "initContainers[" + (out.size() - 1) + "]", d.path(), w.why());
      }
    }
    return new Waits(out, sa, token);
  }

  /** One depends_on entry {@code d} of service {@code s}, on the service {@code dep}. */
  private record Edge(Service s, DependsOn d, Service dep) {
    String quoted() {
      return "\"" + d.service() + "\"";
    }

    /** The note for {@code restart: true}, which has no equivalent; empty without it. */
    String restartNote() {
      return d.restart() ? "; restart: true has no equivalent (a restart of " + quoted() + " does not restart \""
          + s.name() + "\")" : "";
    }
  }

  /** An initContainer that waits, why (its provenance), and whether it needs the service account that reads Jobs. */
  private record Wait(Container container, String why, boolean readsJobs) {}

  /**
   * How one depends_on entry is honoured (reported), and the initContainer that waits for it: none in
   * the same Pod, for a provider, or with --no-wait-for-dependencies.
   */
  private static Wait waitFor(TranslationContext ctx, WorkloadPlan plan, String owner, Edge e) {
    if (plan.podOwner(e.dep().name()).equals(owner)) {
      honoured(ctx, e, "both run in one Pod, whose containers start together: there is no start order between them");
      return null;
    }
    if (ProviderMapper.isProvider(e.dep())) {
      honoured(ctx, e, e.quoted() + " is set up by its provider, not run on the cluster: nothing waits for it;"
          + " its outputs come from the Secret " + ctx.naming().of(e.dep().name()));
      return null;
    }
    if (!ctx.options().waitForDependencies()) {
      honoured(ctx, e, "nothing waits for " + e.quoted() + " (--no-wait-for-dependencies)");
      return null;
    }
    String depOwner = plan.podOwner(e.dep().name());
    if (DependsOn.COMPLETED.equals(e.d().condition()) && plan.kind(depOwner) == WorkloadKind.JOB) {
      return jobWait(ctx, e, ctx.naming().of(depOwner));
    }
    return serviceWait(ctx, plan, e, depOwner);
  }

  /** service_completed_successfully on a Job: kubectl waits for the Job to complete. */
  private static Wait jobWait(TranslationContext ctx, Edge e, String depName) {
    honoured(ctx, e, e.quoted() + " runs as a Job and an initContainer waits for it to complete");
    Container c = WaitContainer.of(waitName(depName), KUBECTL_IMAGE,
        "kubectl", "wait", "--for=condition=complete", "--timeout=24h", "job/" + depName);
    c.getVolumeMounts().add(new VolumeMountBuilder().withName(TOKEN_VOLUME)
        .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).build());
    return new Wait(c, "service_completed_successfully: wait until Job " + depName + " has completed", true);
  }

  /**
   * Any other condition: wait until the dependency's Service accepts a connection on its first port
   * (reported when there is no port to check, or when completion cannot be waited for).
   */
  private static Wait serviceWait(TranslationContext ctx, WorkloadPlan plan, Edge e, String depOwner) {
    DependsOn d = e.d();
    List<PortSpec> ports = plan.ports(depOwner);
    if (ports.isEmpty()) {
      ctx.report("depends-on-condition", Severity.WARNING, d.path(), e.s().name(),
          "depends_on \"" + d.service() + "\" (" + d.condition() + ") cannot be waited for: \"" + d.service()
              + "\" has no known port to check (" + (ServicePorts.hasName(plan, ctx.project().services().get(depOwner))
              ? "its Service is headless" : "it has no Service") + "); " + e.s().name() + " starts without waiting");
      return null;
    }
    reportServiceWait(ctx, e);
    String depName = ctx.naming().of(depOwner);
    int port = ports.get(0).port();
    String script = "until nc -z -w 2 " + depName + " " + port + "; do echo 'waiting for " + depName + ":"
        + port + "'; sleep 2; done";
    Container c = WaitContainer.of(waitName(depName), ctx.options().waitImage(), "sh", "-c", script);
    return new Wait(c, d.condition() + ": wait until Service " + depName + " accepts connections (it routes only to"
        + " ready Pods" + (DependsOn.HEALTHY.equals(d.condition()) ? ")" : startedHow(e.dep()).replace(" (", "; ")), false);
  }

  /** What waiting for the Service means for this condition (a warning for completion, which it cannot wait for). */
  private static void reportServiceWait(TranslationContext ctx, Edge e) {
    DependsOn d = e.d();
    if (DependsOn.COMPLETED.equals(d.condition())) {
      ctx.report("depends-on-condition", Severity.WARNING, d.path(), e.s().name(),
          "depends_on \"" + d.service() + "\" waits for completion, but " + d.service()
              + " is a long-running workload here; ferry waits until its Service accepts connections");
    } else if (DependsOn.HEALTHY.equals(d.condition())) {
      honoured(ctx, e, "an initContainer waits until the " + e.quoted() + " Service has a ready endpoint (its"
          + " healthcheck becomes the readiness probe)");
    } else {
      honoured(ctx, e, "an initContainer waits until the " + e.quoted() + " Service resolves and accepts TCP"
          + " connections" + startedHow(e.dep()));
    }
  }

  /** The initContainer's name: wait-for-NAME, cut to 63 characters. */
  private static String waitName(String depName) {
    String full = "wait-for-" + depName;
    return full.length() > 63 ? full.substring(0, 63).replaceAll("-+$", "") : full;
  }

  /**
   * What waiting for a Service means for service_started: a Service routes only to ready Pods, so
   * when the dependency has a readiness probe (its healthcheck) the wait lasts until it is healthy.
   */
  private static String startedHow(Service dep) {
    boolean probed = dep.health().healthcheck() != null && !dep.health().healthcheck().isDisabled()
        && dep.health().healthcheck().test() != null && !dep.health().healthcheck().test().isEmpty();
    return probed
        ? " (the Service routes only to ready Pods and \"" + dep.name() + "\" has a readiness probe from its healthcheck:"
            + " this waits until it is healthy, stricter than compose's started)"
        : " (\"" + dep.name() + "\" has no readiness probe: ready as soon as it runs, as compose's started)";
  }

  /** How one depends_on entry is honoured (info): Kubernetes has no start order of its own. */
  private static void honoured(TranslationContext ctx, Edge e, String how) {
    DependsOn d = e.d();
    ctx.report("depends-on-condition", Severity.INFO, d.path(), e.s().name(), "service \"" + e.s().name()
        + "\" depends on \"" + d.service() + "\" (" + d.condition() + "): on Kubernetes " + how + e.restartNote());
  }
}
