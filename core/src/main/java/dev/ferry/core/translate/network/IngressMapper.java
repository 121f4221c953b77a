package dev.ferry.core.translate.network;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Plan;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;

/**
 * An Ingress (networking.k8s.io/v1) only when steered: x-ferry {@code ingress.host} (+ path, port,
 * tls, className), or kompose's {@code kompose.service.expose} ("host/path", or "true" for no host).
 */
public final class IngressMapper {
  private IngressMapper() {}

  public static void map(TranslationContext ctx, Plan plan, Service s) {
    Steering st = plan.steering(s.name());
    Steering.Value host = st.get("ingress.host");
    Steering.Value path = st.get("ingress.path");
    String h = host == null ? null : host.text();
    String p = path == null ? "/" : path.text();
    Steering.Value expose = st.label("kompose.service.expose");
    Steering.Value where = host;
    if (h == null && expose != null) {
      where = expose;
      String e = expose.text().split(",")[0].trim();
      if (!e.equalsIgnoreCase("true")) {
        int slash = e.indexOf('/');
        h = slash >= 0 ? e.substring(0, slash) : e;
        if (slash >= 0) p = e.substring(slash);
      }
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
    final String hostName = h;
    IngressBuilder b = new IngressBuilder().withMetadata(ctx.meta(name, name, null)).withNewSpec()
        .withIngressClassName(cls == null ? null : cls.text())
        .addNewRule().withHost(hostName).withNewHttp().addNewPath().withPath(p.isEmpty() ? "/" : p).withPathType("Prefix")
        .withNewBackend().withNewService().withName(name).withNewPort().withNumber(port).endPort().endService().endBackend()
        .endPath().endHttp().endRule()
        .endSpec();
    if (tls != null) b.editSpec().addNewTl().withSecretName(tls.text()).withHosts(hostName == null ? null : List.of(hostName)).endTl().endSpec();
    ctx.emit(b.build());
    ctx.provenance().from("Ingress", name, "", where.path());
    ctx.provenance().from("Ingress", name, "spec.rules[0]", where.path(),
        "published ports reach a host from outside; on Kubernetes, an Ingress routes a host name to the Service");
    if (cls != null) ctx.provenance().from("Ingress", name, "spec.ingressClassName", cls.path());
    if (tls != null) ctx.provenance().from("Ingress", name, "spec.tls", tls.path());
    if (pv != null) ctx.provenance().from("Ingress", name, "spec.rules[0].http.paths[0].backend.service.port", pv.path());
  }
}
