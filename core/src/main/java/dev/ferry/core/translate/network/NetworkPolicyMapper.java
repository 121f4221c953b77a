package dev.ferry.core.translate.network;

import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --network-policies}: one NetworkPolicy per compose network, admitting traffic to its
 * members only from its members (compose's isolation between networks), plus one per service with
 * published ports admitting anyone on those ports (compose publishes them on the host). Services
 * that list no network are on the project's {@code default} network, as in compose.
 */
public final class NetworkPolicyMapper {
  private NetworkPolicyMapper() {}

  public static void map(TranslationContext ctx, WorkloadPlan plan) {
    Map<String, TreeSet<String>> members = new LinkedHashMap<>();
    for (Service s : ctx.project().services().values()) {
      if (plan.kind(s.name()).kind == null || s.networking().networkNamespace() instanceof NamespaceMode.Host) continue;
      String pod = ctx.naming().of(s.name());
      if (s.networking().networks().isEmpty()) members.computeIfAbsent("default", k -> new TreeSet<>()).add(pod);
      for (String n : s.networking().networks().keySet()) members.computeIfAbsent(n, k -> new TreeSet<>()).add(pod);
    }
    for (Map.Entry<String, TreeSet<String>> e : members.entrySet()) {
      String name = ctx.claimName("NetworkPolicy", "network-" + e.getKey());
      var sel = new LabelSelectorRequirementBuilder().withKey(TranslationContext.NAME).withOperator("In")
          .withValues(new ArrayList<>(e.getValue())).build();
      ctx.emit(new NetworkPolicyBuilder().withMetadata(ctx.meta(name, name, "network")).withNewSpec()
          .withNewPodSelector().withMatchExpressions(sel).endPodSelector()
          .withPolicyTypes("Ingress")
          .addNewIngress().addNewFrom().withNewPodSelector().withMatchExpressions(sel).endPodSelector().endFrom().endIngress()
          .endSpec().build());
      ModelPath src = ctx.project().networks().containsKey(e.getKey()) ? ModelPath.of("networks", e.getKey()) : ModelPath.ROOT;
      String why = "members of compose network " + e.getKey() + " may reach each other; nothing else may reach them";
      if (src.size() == 0) {
        ctx.provenance().defaulted("NetworkPolicy", name, "", "services that list no network are on compose's default"
            + " network: " + why);
      } else {
        ctx.provenance().from("NetworkPolicy", name, "", src);
        ctx.provenance().from("NetworkPolicy", name, "spec", src, why);
      }
    }
    for (Service s : ctx.project().services().values()) {
      if (plan.kind(s.name()).kind == null) continue;
      List<NetworkPolicyPort> ports = new ArrayList<>();
      for (PortSpec p : plan.ports(s.name())) {
        boolean published = s.networking().ports().stream().anyMatch(pm -> pm.isPublished() && pm.target() == p.targetPort());
        if (published && ports.stream().noneMatch(x -> x.getPort().getIntVal() == p.targetPort())) {
          ports.add(new NetworkPolicyPort(null, new IntOrString(p.targetPort()), p.protocol()));
        }
      }
      if (ports.isEmpty()) continue;
      String pod = ctx.naming().of(s.name());
      String name = ctx.claimName("NetworkPolicy", pod + "-published");
      ctx.emit(new NetworkPolicyBuilder().withMetadata(ctx.meta(name, pod, "network")).withNewSpec()
          .withNewPodSelector().withMatchLabels(ctx.selector(pod)).endPodSelector()
          .withPolicyTypes("Ingress").addNewIngress().withPorts(ports).endIngress()
          .endSpec().build());
      ctx.provenance().from("NetworkPolicy", name, "", s.path("ports"));
      ctx.provenance().from("NetworkPolicy", name, "spec", s.path("ports"), "published ports are reachable from anywhere, as on the Docker host");
    }
  }
}
