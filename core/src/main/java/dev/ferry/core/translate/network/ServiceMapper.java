package dev.ferry.core.translate.network;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Service per Pod that has ports (declared or inferred, see {@link ServicePorts}), named like the
 * compose service so {@code http://backend:8000} keeps resolving; ClusterIP unless steered
 * (x-ferry service.type, kompose.service.type); never hostPort. Network aliases and link aliases
 * get a Service of their own selecting the same Pods, so those names resolve too.
 */
public final class ServiceMapper {
  private ServiceMapper() {}

  public static void map(TranslationContext ctx, WorkloadPlan plan, Service s) {
    List<PortSpec> specs = plan.ports(s.name());
    Map<String, ModelPath> aliases = WorkloadPlan.aliasSources(ctx.project(), s);
    WorkloadKind kind = plan.kind(s.name());
    if ((kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB) && !(s.networking().networkNamespace() instanceof NamespaceMode.Host
        || s.networking().networkNamespace() instanceof NamespaceMode.None)) {
      ctx.report("unreachable-service", Severity.INFO, s.path(), s.name(), "service \"" + s.name() + "\" runs to completion"
          + " as a " + (kind == WorkloadKind.JOB ? "Job" : "CronJob") + ": it gets no Service, so the name \"" + s.name()
          + "\" does not resolve on Kubernetes (compose resolves it while the container runs)",
          "Reach a one-off task through the services it writes to, not by its name; make it a long-running service"
              + " (restart: unless-stopped) if others connect to it.");
    }
    if (specs.isEmpty() && !ServicePorts.hasName(plan, s)) {
      for (Map.Entry<String, ModelPath> e : aliases.entrySet()) {
        String alias = e.getKey();
        ctx.report("network-alias", Severity.WARNING, e.getValue(), s.name(),
            "alias \"" + alias + "\" of \"" + s.name() + "\" will not resolve on Kubernetes: \"" + s.name()
                + "\" gets no Service (" + (plan.kind(s.name()).name().toLowerCase(Locale.ROOT))
                + ", network_mode " + NamespaceMode.written(s.networking().networkNamespace()) + ")");
      }
      return;
    }
    String name = ctx.naming().of(s.name());
    Steering st = plan.steering(s.name());
    String type = specs.isEmpty() ? "Headless" : type(ctx, s, st);
    emit(ctx, s, name, name, specs, type, st, s.path());
    for (Map.Entry<String, ModelPath> e : aliases.entrySet()) {
      String alias = e.getKey();
      String a = Naming.sanitize(alias);
      ModelPath at = e.getValue();
      boolean taken = ctx.project().services().containsKey(alias) || ctx.emitted("Service", a);
      if (taken || !a.equals(alias)) {
        ctx.report("network-alias", Severity.WARNING, at, s.name(),
            "alias \"" + alias + "\" of \"" + s.name() + "\" cannot become a Service name ("
                + (taken ? "another Service has that name" : "not a DNS label") + "): it will not resolve on Kubernetes");
        continue;
      }
      emit(ctx, s, a, name, specs, specs.isEmpty() ? "Headless" : "ClusterIP", st, at);
      ctx.report("network-alias", Severity.INFO, at, s.name(),
          "alias \"" + alias + "\" of \"" + s.name() + "\" becomes a Service of its own selecting the same Pods,"
              + " visible to the whole namespace rather than one network");
    }
  }

  /** Emits the Service {@code name}: the service's own ({@code from} is the service) or an alias's ({@code from} is the alias). */
  private static void emit(TranslationContext ctx, Service s, String name, String podName, List<PortSpec> specs,
      String type, Steering st, ModelPath from) {
    boolean main = from.equals(s.path());
    List<ServicePort> ports = new ArrayList<>();
    Scope scope = new Scope("Service", name, "");
    for (PortSpec p : specs) {
      ServicePortBuilder b = new ServicePortBuilder().withName(p.name()).withPort(p.port())
          .withTargetPort(new IntOrString(p.targetPort()));
      if (!p.protocol().equals("TCP")) b.withProtocol(p.protocol());
      ports.add(b.build());
      if (p.inferred() != null) scope.from(ctx, "spec.ports[" + (ports.size() - 1) + "]", p.source(), p.inferred());
      else scope.from(ctx, "spec.ports[" + (ports.size() - 1) + "]", p.source());
    }
    Steering.Value nodePort = st.get("service.nodePort");
    if (main && type.equals("NodePort") && nodePort != null) ports.get(0).setNodePort(nodePort.asInt(0));
    // set on the spec, not through ServiceBuilder.editSpec(), which copies the spec each time
    ServiceSpec spec = new ServiceSpec();
    spec.setSelector(ctx.selector(podName));
    spec.setPorts(ports.isEmpty() ? null : ports);
    spec.setType(type.equals("Headless") ? "ClusterIP" : type);
    if (type.equals("Headless")) spec.setClusterIP("None");
    if (main) spec.setExternalTrafficPolicy(trafficPolicy(ctx, s, st, type, scope));
    ctx.emit(new io.fabric8.kubernetes.api.model.Service("v1", "Service", ctx.meta(name, podName, null), spec, null));
    scope.from(ctx, "metadata.name", from, main ? "other services reach \"" + s.name() + "\" by this name"
        : "a network alias of " + s.name());
    scope.defaulted(ctx, "spec.selector", "the Service routes to the Pods with these labels, and only to ready ones");
    Steering.Value tv = st.get("service.type");
    if (main && tv != null) scope.from(ctx, "spec.type", tv.path());
    else scope.defaulted(ctx, "spec.type", "ClusterIP: reachable inside the cluster by name, like a compose network;"
        + " published ports need an Ingress, a LoadBalancer or kubectl port-forward");
    if (main && type.equals("Headless") && tv != null) scope.from(ctx, "spec.clusterIP", tv.path());
    else if (type.equals("Headless")) scope.defaulted(ctx, "spec.clusterIP", "no port is known, so the Service is"
        + " headless: the name resolves to the Pod addresses and every port is reachable, as on compose");
    if (main && type.equals("NodePort") && nodePort != null) scope.from(ctx, "spec.ports[0].nodePort", nodePort.path());
  }

  /** externalTrafficPolicy (x-ferry service.externalTrafficPolicy or kompose's label): NodePort/LoadBalancer only. */
  private static String trafficPolicy(TranslationContext ctx, Service s, Steering st, String type, Scope scope) {
    Steering.Value v = st.get("service.externalTrafficPolicy");
    if (v == null) return null;
    String p = switch (v.text().trim().toLowerCase(Locale.ROOT)) {
      case "cluster" -> "Cluster";
      case "local" -> "Local";
      default -> null;
    };
    if (p == null) {
      ctx.report("steering-invalid", Severity.WARNING, v.path(), s.name(), "unknown externalTrafficPolicy \""
          + v.text() + "\" (expected Cluster or Local); it is left out");
    } else if (!type.equals("NodePort") && !type.equals("LoadBalancer")) {
      ctx.report("steering-invalid", Severity.WARNING, v.path(), s.name(), "externalTrafficPolicy " + p
          + " applies only to a NodePort or LoadBalancer Service, and \"" + s.name() + "\"'s is " + type
          + " (Kubernetes rejects it); it is left out: set the service type too");
      return null;
    } else {
      scope.from(ctx, "spec.externalTrafficPolicy", v.path(), p.equals("Local")
          ? "traffic from outside goes only to Pods on the node it arrives at, keeping the client address" : null);
    }
    return p;
  }

  private static String type(TranslationContext ctx, Service s, Steering st) {
    Steering.Value v = st.get("service.type");
    if (v == null) return "ClusterIP";
    return switch (v.text().toLowerCase(Locale.ROOT).replace("-", "")) {
      case "nodeport" -> "NodePort";
      case "loadbalancer" -> "LoadBalancer";
      case "headless" -> "Headless";
      case "clusterip" -> "ClusterIP";
      default -> {
        ctx.report("steering-invalid", Severity.WARNING, v.path(), s.name(),
            "unknown Service type \"" + v.text() + "\" (expected ClusterIP, NodePort, LoadBalancer or Headless)");
        yield "ClusterIP";
      }
    };
  }
}
