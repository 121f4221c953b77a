package dev.ferry.core.translate.network;

import java.util.Map;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.model.ServiceNetwork;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Plan;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Service per Pod that has ports (declared or inferred, see {@link Ports}), named like the
 * compose service so {@code http://backend:8000} keeps resolving; ClusterIP unless steered
 * (x-ferry service.type, kompose.service.type); never hostPort. Network aliases and link aliases
 * get a Service of their own selecting the same Pods, so those names resolve too.
 */
public final class ServiceMapper {
  private ServiceMapper() {}

  public static void map(TranslationContext ctx, Plan plan, Service s) {
    List<PortSpec> specs = plan.ports(s.name());
    Map<String, ModelPath> aliasAt = aliasSources(ctx, s);
    if (specs.isEmpty()) {
      for (String alias : Plan.aliases(ctx.project(), s)) {
        ctx.report("network-alias", Severity.WARNING, aliasAt.getOrDefault(alias, s.path()), s.name(),
            "alias \"" + alias + "\" of \"" + s.name() + "\" will not resolve on Kubernetes: \"" + s.name()
                + "\" has no ports, so there is no Service to give the alias to (declare the port with expose)");
      }
      return;
    }
    String name = ctx.naming().of(s.name());
    Steering st = plan.steering(s.name());
    String type = type(ctx, s, st);
    emit(ctx, s, name, name, specs, type, st, true);
    for (String alias : Plan.aliases(ctx.project(), s)) {
      String a = Naming.sanitize(alias);
      ModelPath at = aliasAt.getOrDefault(alias, s.path());
      boolean taken = ctx.project().services().containsKey(alias)
          || ctx.objects().stream().anyMatch(o -> o.getKind().equals("Service") && o.getMetadata().getName().equals(a));
      if (taken || !a.equals(alias)) {
        ctx.report("network-alias", Severity.WARNING, at, s.name(),
            "alias \"" + alias + "\" of \"" + s.name() + "\" cannot become a Service name ("
                + (taken ? "another Service has that name" : "not a DNS label") + "): it will not resolve on Kubernetes");
        continue;
      }
      emit(ctx, s, a, name, specs, "ClusterIP", st, false);
      ctx.report("network-alias", Severity.INFO, at, s.name(),
          "alias \"" + alias + "\" of \"" + s.name() + "\" becomes a Service of its own selecting the same Pods,"
              + " visible to the whole namespace rather than one network");
    }
  }

  /** Where each alias was written: a network's aliases item, or the links item of a service that names it. */
  private static Map<String, ModelPath> aliasSources(TranslationContext ctx, Service s) {
    Map<String, ModelPath> out = new java.util.HashMap<>();
    for (ServiceNetwork n : s.networks().values()) {
      for (int i = 0; i < n.aliases().size(); i++) {
        out.putIfAbsent(n.aliases().get(i).toLowerCase(java.util.Locale.ROOT),
            s.path("networks").key(n.name()).key("aliases").index(i));
      }
    }
    for (Service other : ctx.project().services().values()) {
      for (int i = 0; i < other.links().size(); i++) {
        String link = other.links().get(i);
        int c = link.indexOf(':');
        if (c > 0 && link.substring(0, c).equals(s.name())) {
          out.putIfAbsent(link.substring(c + 1).toLowerCase(java.util.Locale.ROOT), other.path("links").index(i));
        }
      }
    }
    return out;
  }

  private static void emit(TranslationContext ctx, Service s, String name, String podName, List<PortSpec> specs,
      String type, Steering st, boolean main) {
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
    ServiceBuilder b = new ServiceBuilder().withMetadata(ctx.meta(name, podName, null)).withNewSpec()
        .withSelector(ctx.selector(podName)).withPorts(ports).endSpec();
    if (type.equals("Headless")) b.editSpec().withType("ClusterIP").withClusterIP("None").endSpec();
    else b.editSpec().withType(type).endSpec();
    ctx.emit(b.build());
    scope.from(ctx, "metadata.name", s.path(), main ? "other services reach \"" + s.name() + "\" by this name"
        : "a network alias of " + s.name());
    scope.defaulted(ctx, "spec.selector", "the Service routes to the Pods with these labels, and only to ready ones");
    Steering.Value tv = st.get("service.type");
    if (main && tv != null) scope.from(ctx, "spec.type", tv.path());
    else scope.defaulted(ctx, "spec.type", "ClusterIP: reachable inside the cluster by name, like a compose network;"
        + " published ports need an Ingress, a LoadBalancer or kubectl port-forward");
    if (main && type.equals("Headless")) scope.from(ctx, "spec.clusterIP", tv.path());
    if (main && type.equals("NodePort") && nodePort != null) scope.from(ctx, "spec.ports[0].nodePort", nodePort.path());
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
