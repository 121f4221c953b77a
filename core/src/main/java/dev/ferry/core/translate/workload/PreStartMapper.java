package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Hook;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.text.KubeExpansion;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pre_start} hooks become initContainers, in the order written, after the dependency waits
 * (compose runs them once the dependencies are up, before the service container). Each starts as a
 * copy of the service's container (its environment, mounts, user, working directory and security
 * context, as compose gives the hook the service's) without ports, probes or lifecycle hooks; the
 * hook's {@code image} replaces the image (then the image's own entrypoint runs), {@code command}
 * the arguments, {@code user}, {@code working_dir} and {@code privileged} theirs, and its
 * {@code environment} is appended to (or overrides) the service's.
 *
 * <p>{@code per_replica: false} (compose's default: once for the service) has no exact form: an
 * initContainer runs once per Pod start, so for each replica and again after a restart or rollout.
 * ferry keeps the initContainer (it runs before the app with the app's volumes and settings, and
 * every Pod still waits for it) and reports the difference; a Job the workload waits for would run
 * once per install only, could not share a ReadWriteOnce claim with the running Pods, and would need
 * to be deleted before each upgrade (a Job's template cannot change).
 */
final class PreStartMapper {
  private PreStartMapper() {}

  /** The initContainers of {@code s}'s hooks, built from its main container {@code main}. */
  static List<Container> map(TranslationContext ctx, Service s, Container main, Scope spec, int firstIndex, Integer replicas) {
    List<Container> out = new ArrayList<>();
    for (Hook h : s.execution().hooks().preStart()) {
      ModelPath at = h.path();
      int i = (Integer) at.last();
      String base = main.getName() + "-pre-start-" + (i + 1);
      ContainerBuilder b = new ContainerBuilder(main).withName(base.length() > 63 ? base.substring(0, 63).replaceAll("-+$", "") : base)
          .withPorts(List.of()).withReadinessProbe(null).withLivenessProbe(null).withStartupProbe(null)
          .withLifecycle(null).withStdin(null).withTty(null);
      if (h.image() != null) b.withImage(h.image()).withCommand(List.of()).withArgs(List.of());
      if (h.shell() != null) b.withArgs(KubeExpansion.escape(ShellWords.words(h.shell())));
      if (h.exec() != null) b.withArgs(KubeExpansion.escape(h.exec()));
      if (h.workingDir() != null) b.withWorkingDir(h.workingDir());
      security(ctx, s, h, at, b, main);
      List<EnvVar> env = new ArrayList<>(main.getEnv() == null ? List.of() : main.getEnv());
      environment(h.environment(), env);
      b.withEnv(env.isEmpty() ? null : env);
      Container c = b.build();
      if (c.getCommand() != null && c.getCommand().isEmpty()) c.setCommand(null);
      if (c.getArgs() != null && c.getArgs().isEmpty()) c.setArgs(null);
      if (c.getPorts() != null && c.getPorts().isEmpty()) c.setPorts(null);
      if (c.getResources() != null && c.getResources().getLimits() != null
          && c.getResources().getLimits().containsKey(GpuMapper.RESOURCE)) {
        c.getResources().getLimits().remove(GpuMapper.RESOURCE); // the service's GPUs are its own container's
        if (c.getResources().getLimits().isEmpty()) c.getResources().setLimits(null);
        if (c.getResources().getRequests() == null || c.getResources().getRequests().isEmpty()) c.setResources(null);
      }
      out.add(c);
      spec.from(ctx, "initContainers[" + (firstIndex + out.size() - 1) + "]", at,
          "pre_start: runs to completion before the service's container starts, like an initContainer");
      if (!"true".equals(h.perReplica())) {
        boolean many = replicas != null && replicas > 1;
        ctx.report("pre-start-once", many ? Severity.WARNING : Severity.INFO, h.perReplica() != null ? at.key("per_replica") : at,
            s.name(), "pre_start hook " + (i + 1) + " of \"" + s.name() + "\" runs once for the service in compose"
                + " (per_replica: false, the default); as an initContainer it runs each time a Pod starts"
                + (many ? " (" + replicas + " replicas: " + replicas + " times, possibly at once)" : "")
                + ", also after a restart or a rollout: keep it idempotent (as migrations usually are)");
      }
    }
    return out;
  }

  private static void security(TranslationContext ctx, Service s, Hook h, ModelPath at, ContainerBuilder b, Container main) {
    String user = h.user();
    boolean privileged = "true".equalsIgnoreCase(h.privileged());
    if (user == null && !privileged) return;
    SecurityContextBuilder sc = main.getSecurityContext() == null ? new SecurityContextBuilder()
        : new SecurityContextBuilder(main.getSecurityContext());
    if (privileged) sc.withPrivileged(true).withAllowPrivilegeEscalation(null);
    if (user != null) {
      String[] ug = user.split(":", 2);
      try {
        long uid = Long.parseLong(ug[0]);
        sc.withRunAsUser(uid).withRunAsNonRoot(uid != 0 ? null : main.getSecurityContext() == null ? null
            : main.getSecurityContext().getRunAsNonRoot() == Boolean.TRUE ? Boolean.FALSE : null);
        sc.withRunAsGroup(ug.length == 2 ? Long.valueOf(ug[1]) : null); // a user without group: the image's group
      } catch (NumberFormatException e) {
        ctx.report("named-user", Severity.WARNING, at.key("user"), s.name(), "pre_start user \"" + user
            + "\" is a name; runAsUser takes a numeric id, so the hook runs as the service's user");
      }
    }
    b.withSecurityContext(sc.build());
  }

  /** A hook's {@code environment} over the service's: same name replaces, new ones append. */
  private static void environment(List<Map.Entry<String, String>> pairs, List<EnvVar> env) {
    if (pairs == null) return;
    for (Map.Entry<String, String> p : pairs) {
      EnvVar v = new EnvVar(p.getKey(), KubeExpansion.escape(p.getValue()), null);
      env.removeIf(e -> e.getName().equals(p.getKey()));
      env.add(v);
    }
  }
}
