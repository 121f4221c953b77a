package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Plan;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.PortSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  public static Waits map(TranslationContext ctx, Plan plan, List<Service> members, String podName, Scope scope) {
    List<Container> out = new ArrayList<>();
    String sa = null;
    Volume token = null;
    String owner = plan.podOwner(members.get(0).name());
    for (Service s : members) {
      for (DependsOn d : s.dependsOn().values()) {
        Service dep = ctx.project().service(d.service());
        if (dep == null) continue;
        String quoted = "\"" + d.service() + "\"";
        String restart = d.restart() ? "; restart: true has no equivalent (a restart of " + quoted
            + " does not restart \"" + s.name() + "\")" : "";
        if (plan.podOwner(dep.name()).equals(owner)) {
          honoured(ctx, s, d, "both run in one Pod, whose containers start together: there is no start order"
              + " between them" + restart);
          continue;
        }
        if (ProviderMapper.isProvider(dep)) {
          honoured(ctx, s, d, quoted + " is set up by its provider, not run on the cluster: nothing waits for it;"
              + " its outputs come from the Secret " + ctx.naming().of(dep.name()) + restart);
          continue;
        }
        String depOwner = plan.podOwner(dep.name());
        String depName = ctx.naming().of(depOwner);
        if (!ctx.options().waitForDependencies()) {
          honoured(ctx, s, d, "nothing waits for " + quoted + " (--no-wait-for-dependencies)" + restart);
          continue;
        }
        String full = "wait-for-" + depName;
        String cname = full.length() > 63 ? full.substring(0, 63).replaceAll("-+$", "") : full;
        WorkloadKind k = plan.kind(depOwner);
        if (DependsOn.COMPLETED.equals(d.condition()) && (k == WorkloadKind.JOB)) {
          honoured(ctx, s, d, quoted + " runs as a Job and an initContainer waits for it to complete" + restart);
          if (out.stream().anyMatch(c -> c.getName().equals(cname))) continue;
          sa = serviceAccount(ctx);
          token = tokenVolume();
          out.add(new ContainerBuilder().withName(cname).withImage(KUBECTL_IMAGE)
              .withCommand("kubectl", "wait", "--for=condition=complete", "--timeout=24h", "job/" + depName)
              .withSecurityContext(waitSecurity())
              .withResources(waitResources())
              .addNewVolumeMount().withName(TOKEN_VOLUME).withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
              .withReadOnly(true).endVolumeMount()
              .build());
          scope.from(ctx, "initContainers[" + (out.size() - 1) + "]", d.path(),
              "service_completed_successfully: wait until Job " + depName + " has completed");
          continue;
        }
        List<PortSpec> ports = plan.ports(depOwner);
        if (ports.isEmpty()) {
          ctx.report("depends-on-condition", Severity.WARNING, d.path(), s.name(),
              "depends_on \"" + d.service() + "\" (" + d.condition() + ") cannot be waited for: \"" + d.service()
                  + "\" has no known port to check (" + (dev.ferry.core.translate.network.ServicePorts.hasName(plan, ctx.project()
                  .services().get(depOwner)) ? "its Service is headless" : "it has no Service") + "); " + s.name()
                  + " starts without waiting");
          continue;
        }
        if (DependsOn.COMPLETED.equals(d.condition())) {
          ctx.report("depends-on-condition", Severity.WARNING, d.path(), s.name(),
              "depends_on \"" + d.service() + "\" waits for completion, but " + d.service()
                  + " is a long-running workload here; ferry waits until its Service accepts connections");
        } else {
          honoured(ctx, s, d, (DependsOn.HEALTHY.equals(d.condition())
              ? "an initContainer waits until the " + quoted + " Service has a ready endpoint (its healthcheck becomes"
                  + " the readiness probe)"
              : "an initContainer waits until the " + quoted + " Service resolves and accepts TCP connections"
                  + startedHow(dep)) + restart);
        }
        if (out.stream().anyMatch(c -> c.getName().equals(cname))) continue;
        PortSpec p = ports.get(0);
        String script = "until nc -z -w 2 " + depName + " " + p.port() + "; do echo 'waiting for " + depName + ":"
            + p.port() + "'; sleep 2; done";
        out.add(new ContainerBuilder().withName(cname).withImage(ctx.options().waitImage())
            .withCommand("sh", "-c", script)
            .withSecurityContext(waitSecurity())
            .withResources(waitResources())
            .build());
        scope.from(ctx, "initContainers[" + (out.size() - 1) + "]", d.path(),
            d.condition() + ": wait until Service " + depName + " accepts connections (it routes only to ready Pods"
                + (DependsOn.HEALTHY.equals(d.condition()) ? ")" : startedHow(dep).replace(" (", "; ")));
      }
    }
    return new Waits(out, sa, token);
  }

  /**
   * What waiting for a Service means for service_started: a Service routes only to ready Pods, so
   * when the dependency has a readiness probe (its healthcheck) the wait lasts until it is healthy.
   */
  private static String startedHow(Service dep) {
    boolean probed = dep.healthcheck() != null && !dep.healthcheck().isDisabled()
        && dep.healthcheck().test() != null && !dep.healthcheck().test().isEmpty();
    return probed
        ? " (the Service routes only to ready Pods and \"" + dep.name() + "\" has a readiness probe from its healthcheck:"
            + " this waits until it is healthy, stricter than compose's started)"
        : " (\"" + dep.name() + "\" has no readiness probe: ready as soon as it runs, as compose's started)";
  }

  /** How one depends_on entry is honoured (info): Kubernetes has no start order of its own. */
  private static void honoured(TranslationContext ctx, Service s, DependsOn d, String how) {
    ctx.report("depends-on-condition", Severity.INFO, d.path(), s.name(), "service \"" + s.name() + "\" depends on \""
        + d.service() + "\" (" + d.condition() + "): on Kubernetes " + how);
  }

  private static io.fabric8.kubernetes.api.model.SecurityContext waitSecurity() {
    return new io.fabric8.kubernetes.api.model.SecurityContextBuilder().withAllowPrivilegeEscalation(false)
        .withRunAsNonRoot(true).withRunAsUser(65534L).withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities().build();
  }

  private static io.fabric8.kubernetes.api.model.ResourceRequirements waitResources() {
    return new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
        .withRequests(new java.util.TreeMap<>(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi"))))
        .withLimits(new java.util.TreeMap<>(Map.of("memory", new Quantity("64Mi")))).build();
  }

  /** A projected service-account token for the waiting initContainer only. */
  private static Volume tokenVolume() {
    return new VolumeBuilder().withName(TOKEN_VOLUME).withNewProjected()
        .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3600L).endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().endSource()
        .endProjected().build();
  }

  /** The project's job-waiter ServiceAccount, Role (read Jobs) and RoleBinding, emitted once. */
  private static String serviceAccount(TranslationContext ctx) {
    String project = ctx.project().name() == null ? "app" : ctx.project().name();
    String name = dev.ferry.core.translate.network.Naming.sanitize(project + "-job-waiter");
    boolean exists = ctx.objects().stream().anyMatch(o -> o.getKind().equals("ServiceAccount")
        && o.getMetadata().getName().equals(name));
    if (exists) return name;
    List<HasMetadata> objs = List.of(
        new ServiceAccountBuilder().withMetadata(ctx.meta(name, name, "job-waiter")).withAutomountServiceAccountToken(false).build(),
        new RoleBuilder().withMetadata(ctx.meta(name, name, "job-waiter"))
            .addNewRule().withApiGroups("batch").withResources("jobs").withVerbs("get", "list", "watch").endRule().build(),
        new RoleBindingBuilder().withMetadata(ctx.meta(name, name, "job-waiter"))
            .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
            .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(ctx.options().namespace()).endSubject()
            .build());
    for (HasMetadata o : objs) {
      ctx.emit(o);
      ctx.provenance().defaulted(o.getKind(), name, "", "lets initContainers wait for Jobs (service_completed_successfully); may only read Jobs");
    }
    return name;
  }
}
