package dev.ferry.core.translate.network;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * An Ingress (networking.k8s.io/v1) only when steered: x-ferry {@code ingress.host} (+ path, port,
 * tls, className), or kompose's {@code kompose.service.expose} ("host/path", or "true" for no host).
 */
public final class IngressMapper {
  private IngressMapper() {}

  public static void map(TranslationContext ctx, WorkloadPlan plan, Service s) {
    Steering st = plan.steering(s.name());
    Steering.Value host = st.get("ingress.host");
    Steering.Value path = st.get("ingress.path");
    String h = host == null ? null : host.text();
    String p = path == null ? "/" : path.text();
    Steering.Value expose = st.label("kompose.service.expose");
    Steering.Value where = host;
    List<String[]> rules = new ArrayList<>();
    if (h != null) rules.add(new String[] {h, p});
    else if (expose != null) {
      where = expose;
      rules = exposed(ctx, s, expose);
      if (rules.isEmpty()) return;
    }
    if (where == null) return;
    List<PortSpec> ports = plan.ports(s.name());
    if (ports.isEmpty()) {
      ctx.report("steering-invalid", Severity.WARNING, where.path(), s.name(),
          "an Ingress is asked for \"" + s.name() + "\", but it has no ports to route to; none is created");
      return;
    }
    int port = ports.get(0).port();
    Steering.Value pv = st.get("ingress.port");
    if (pv != null) port = pv.asInt(port);
    String name = ctx.naming().of(s.name());
    Steering.Value tls = st.get("ingress.tls");
    Steering.Value cls = st.get("ingress.className");
    List<IngressRule> out = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String[] r : rules) {
      out.add(new IngressRuleBuilder().withHost(r[0]).withNewHttp().addNewPath().withPath(r[1].isEmpty() ? "/" : r[1])
          .withPathType("Prefix").withNewBackend().withNewService().withName(name).withNewPort().withNumber(port).endPort()
          .endService().endBackend().endPath().endHttp().build());
      if (r[0] != null && !hosts.contains(r[0])) hosts.add(r[0]);
    }
    IngressBuilder b = new IngressBuilder().withMetadata(ctx.meta(name, name, null)).withNewSpec()
        .withIngressClassName(cls == null ? null : cls.text()).withRules(out).endSpec();
    if (tls != null) b.editSpec().addNewTl().withSecretName(tls.text()).withHosts(hosts.isEmpty() ? null : hosts).endTl().endSpec();
    ctx.emit(b.build());
    ctx.provenance().from("Ingress", name, "", where.path());
    for (int i = 0; i < out.size(); i++) {
      ctx.provenance().from("Ingress", name, "spec.rules[" + i + "]", where.path(),
          "published ports reach a host from outside; on Kubernetes, an Ingress routes a host name to the Service");
    }
    if (cls != null) ctx.provenance().from("Ingress", name, "spec.ingressClassName", cls.path());
    if (tls != null) ctx.provenance().from("Ingress", name, "spec.tls", tls.path());
    for (int i = 0; pv != null && i < out.size(); i++) {
      ctx.provenance().from("Ingress", name, "spec.rules[" + i + "].http.paths[0].backend.service.port", pv.path());
    }
  }

  /**
   * kompose's {@code kompose.service.expose}: comma-separated {@code host[/path]} entries, each one an
   * Ingress rule; {@code true} alone is one rule without a host. An empty entry, or {@code true}
   * among hosts, is steering-invalid and left out (never silently).
   */
  static List<String[]> exposed(TranslationContext ctx, Service s, Steering.Value expose) {
    List<String[]> rules = new ArrayList<>();
    String[] parts = expose.text().split(",", -1);
    for (String part : parts) {
      String e = part.trim();
      if (e.equalsIgnoreCase("true") && parts.length == 1) {
        rules.add(new String[] {null, "/"});
      } else if (e.isEmpty() || e.equalsIgnoreCase("true") || e.equalsIgnoreCase("false") || e.startsWith("/")) {
        if (e.equalsIgnoreCase("false") && parts.length == 1) continue;
        ctx.report("steering-invalid", Severity.WARNING, expose.path(), s.name(),
            "kompose.service.expose entry \"" + e + "\" is not a host[/path] (expected \"true\" alone or"
                + " comma-separated hosts such as \"a.example.com/dev,b.example.com\"); it gets no Ingress rule");
      } else {
        int slash = e.indexOf('/');
        rules.add(new String[] {slash >= 0 ? e.substring(0, slash) : e, slash >= 0 ? e.substring(slash) : "/"});
      }
    }
    return rules;
  }
}
