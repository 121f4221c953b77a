package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.text.KubeExpansion;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import dev.ferry.core.translate.storage.FileObjects;
import dev.ferry.core.translate.storage.PodVolumes;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One compose service to one container: image, entrypoint → command, command → args,
 * working_dir, environment, ports, resources, probes, security context, mounts, stdin/tty.
 */
public final class ContainerMapper {
  private ContainerMapper() {}

  public static Container map(TranslationContext ctx, WorkloadPlan plan, Service s, String podName, Storage storage,
      FileObjects files, PodVolumes vols, Scope scope) {
    String name = ctx.naming().of(s.name());
    Steering st = plan.steering(s.name());
    // set on the object, not through a ContainerBuilder: each with...() would copy its argument deeply
    Container b = new Container();
    b.setName(name);
    scope.from(ctx, "name", s.path());
    b.setImage(image(ctx, s));
    scope.from(ctx, "image", s.has("image") ? s.path("image") : s.path("build"));
    String pull = pullPolicy(ctx, s, st);
    if (pull != null) {
      b.setImagePullPolicy(pull);
      Steering.Value pv = st.get("imagePullPolicy");
      scope.from(ctx, "imagePullPolicy", pv != null ? pv.path() : s.path("pull_policy"));
    }
    if (s.execution().entrypoint() != null && s.has("entrypoint")) {
      b.setCommand(new ArrayList<>(KubeExpansion.escape(s.execution().entrypoint())));
      scope.from(ctx, "command", s.path("entrypoint"), "compose entrypoint replaces the image's ENTRYPOINT, as command does");
    }
    if (s.execution().command() != null && s.has("command")) {
      b.setArgs(new ArrayList<>(KubeExpansion.escape(s.execution().command())));
      scope.from(ctx, "args", s.path("command"), "compose command replaces the image's CMD, as args does");
    }
    if (s.execution().workingDir() != null) {
      b.setWorkingDir(s.execution().workingDir());
      scope.from(ctx, "workingDir", s.path("working_dir"));
    }
    EnvMapper.Env env = EnvMapper.map(ctx, s, name, scope);
    List<EnvVar> vars = new ArrayList<>(env.env());
    vars.addAll(ModelEnv.map(ctx, s, scope, vars.size()));
    b.setEnv(vars);
    if (!env.envFrom().isEmpty()) scope.from(ctx, "envFrom", s.path("env_file"));
    List<EnvFromSource> from = new ArrayList<>(env.envFrom());
    from.addAll(ProviderMapper.envFrom(ctx, s, scope, from.size()));
    b.setEnvFrom(from);
    Map<String, ContainerPort> portMap = new LinkedHashMap<>();
    List<ModelPath> portSources = new ArrayList<>();
    ports(s, portMap, portSources);
    if (!portMap.isEmpty()) {
      b.setPorts(new ArrayList<>(portMap.values()));
      for (int i = 0; i < portSources.size(); i++) {
        scope.from(ctx, "ports[" + i + "]", portSources.get(i), i == 0 ? "containerPort documents what the container"
            + " listens on; other Pods reach it through the Service" : null);
      }
    }
    ResourceRequirements res = ContainerResources.of(s);
    if (res != null) ContainerResources.provenance(ctx, s, res, scope.at("resources"));
    res = GpuMapper.apply(ctx, s, res, scope);
    res = KomposePod.ephemeral(ctx, s, res, scope.at("resources"));
    b.setResources(res);
    boolean job = plan.kind(plan.podOwner(s.name())) == WorkloadKind.JOB
        || plan.kind(plan.podOwner(s.name())) == WorkloadKind.CRONJOB;
    ProbeMapper.Probes probes = ProbeMapper.map(ctx, s, st, scope, job, new ArrayList<>(portMap.values()));
    b.setReadinessProbe(probes.readiness());
    b.setLivenessProbe(probes.liveness());
    b.setStartupProbe(probes.startup());
    b.setSecurityContext(SecurityMapper.container(ctx, s, scope));
    List<VolumeMount> mounts = new ArrayList<>(MountMapper.map(ctx, s, podName, storage, vols, scope));
    mounts.addAll(files.mounts(ctx, s, vols, scope, mounts.size()));
    b.setVolumeMounts(mounts);
    LifecycleHooks.map(ctx, s, b, scope);
    if (s.execution().stdinOpen()) {
      b.setStdin(true);
      scope.from(ctx, "stdin", s.path("stdin_open"));
    }
    if (s.execution().tty()) {
      b.setTty(true);
      scope.from(ctx, "tty", s.path("tty"));
    }
    return b;
  }

  /** The image, or for a build-only service the name compose gives the built image. */
  static String image(TranslationContext ctx, Service s) {
    if (s.identity().image() != null) return s.identity().image().raw();
    String img = (ctx.project().name() == null ? "app" : ctx.project().name()) + "-" + s.name();
    ctx.report("build-without-image", Severity.WARNING, s.path("build"), s.name(),
        "service \"" + s.name() + "\" is built from source and names no image: ferry uses \"" + img
            + "\", which a cluster cannot pull until you build, tag and push it to a registry; set image:");
    return img;
  }

  private static String pullPolicy(TranslationContext ctx, Service s, Steering st) {
    Steering.Value v = st.get("imagePullPolicy");
    if (v != null) {
      String t = v.text().toLowerCase(Locale.ROOT);
      return t.equals("always") ? "Always" : t.equals("never") ? "Never" : "IfNotPresent";
    }
    if (s.identity().pullPolicy() == null) return null;
    return switch (s.identity().pullPolicy()) {
      case "always" -> "Always";
      case "never" -> "Never";
      case "missing", "if_not_present" -> "IfNotPresent";
      case "build" -> "IfNotPresent";
      default -> {
        String policy = s.identity().pullPolicy();
        if (policy.startsWith("daily") || policy.startsWith("weekly") || policy.startsWith("every")) {
          ctx.report("not-translatable", Severity.INFO, s.path("pull_policy"), s.name(),
              "pull_policy \"" + policy + "\" has no Kubernetes equivalent; imagePullPolicy Always is used");
          yield "Always";
        }
        yield null;
      }
    };
  }

  /** One containerPort per distinct container port and protocol (ports targets, then expose). */
  static List<ContainerPort> ports(Service s) {
    Map<String, ContainerPort> out = new LinkedHashMap<>();
    ports(s, out, new ArrayList<>());
    return new ArrayList<>(out.values());
  }

  private static void ports(Service s, Map<String, ContainerPort> out, List<ModelPath> sources) {
    for (PortMapping p : s.networking().ports()) {
      String proto = p.transport().kube();
      if (add(out, p.target(), proto)) sources.add(p.path());
    }
    for (int i = 0; i < s.networking().expose().size(); i++) {
      String e = s.networking().expose().get(i);
      ModelPath at = s.path("expose").index(i);
      String t = e.trim();
      String proto = "TCP";
      if (t.contains("/")) {
        proto = t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        t = t.substring(0, t.indexOf('/'));
      }
      try {
        if (t.contains("-")) {
          int a = Integer.parseInt(t.substring(0, t.indexOf('-')));
          int z = Integer.parseInt(t.substring(t.indexOf('-') + 1));
          for (int p = a; p <= z && out.size() < 100; p++) if (add(out, p, proto)) sources.add(at);
        } else {
          if (add(out, Integer.parseInt(t), proto)) sources.add(at);
        }
      } catch (NumberFormatException ignored) {
        // the schema check reported it
      }
    }
  }

  private static boolean add(Map<String, ContainerPort> out, int port, String proto) {
    if (port <= 0 || out.size() >= 100 || out.containsKey(port + "/" + proto)) return false;
    out.put(port + "/" + proto, new ContainerPortBuilder().withContainerPort(port)
        .withProtocol(proto.equals("TCP") ? null : proto).build());
    return true;
  }
}
