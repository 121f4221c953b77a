package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/** A Pod's security: its security context (user, groups, fsGroup) and the host namespaces it joins. */
final class PodSecurity {
  private PodSecurity() {}

  /** The owner's Pod security context, with the members' numeric group_add and kompose's fsGroup. */
  static PodSecurityContext context(TranslationContext ctx, WorkloadPlan plan, Service owner, List<Service> members, Scope spec) {
    PodSecurityContext psc = SecurityMapper.pod(ctx, owner, spec);
    List<Long> groups = groups(ctx, members, spec);
    if (!groups.isEmpty()) psc.setSupplementalGroups(groups);
    KomposePod.fsGroup(ctx, owner, plan.steering(owner.name()), psc, spec);
    return psc;
  }

  /** group_add: numeric groups → supplementalGroups; names cannot be resolved without the image. */
  private static List<Long> groups(TranslationContext ctx, List<Service> members, Scope spec) {
    List<Long> out = new ArrayList<>();
    for (Service m : members) {
      List<String> groups = m.security().groupAdd();
      for (int i = 0; i < groups.size(); i++) {
        String g = groups.get(i);
        try {
          long id = Long.parseLong(g.trim());
          if (!out.contains(id)) out.add(id);
          spec.from(ctx, "securityContext.supplementalGroups", m.path("group_add").index(i));
        } catch (NumberFormatException e) {
          ctx.report("named-user", Severity.WARNING, m.path("group_add").index(i), m.name(),
              "group_add \"" + g + "\" is a group name; supplementalGroups take numeric ids, so it is left out");
        }
      }
    }
    return out;
  }

  /** network_mode/pid/ipc: host → the Pod's host namespaces; the others are reported or shared already. */
  static void hostNamespaces(TranslationContext ctx, List<Service> members, PodSpec b, Scope spec) {
    for (Service m : members) {
      NamespaceMode net = m.networking().networkNamespace();
      if (net instanceof NamespaceMode.Host) {
        b.setHostNetwork(true);
        b.setDnsPolicy("ClusterFirstWithHostNet");
        spec.from(ctx, "hostNetwork", m.path("network_mode"));
      } else if (net != null && !(net instanceof NamespaceMode.OfService) && !NamespaceMode.named(net, "bridge", "default")) {
        ctx.report("not-translatable", Severity.WARNING, m.path("network_mode"), m.name(),
            "network_mode \"" + net.written() + "\" has no Kubernetes equivalent; the Pod uses the cluster network");
      }
      if (m.security().pidNamespace() instanceof NamespaceMode.Host) {
        b.setHostPID(true);
        spec.from(ctx, "hostPID", m.path("pid"));
      } else if (m.security().pidNamespace() instanceof NamespaceMode.OfService) {
        b.setShareProcessNamespace(true);
        spec.from(ctx, "shareProcessNamespace", m.path("pid"));
      }
      NamespaceMode ipc = m.security().ipcNamespace();
      if (ipc instanceof NamespaceMode.Host) {
        b.setHostIPC(true);
        spec.from(ctx, "hostIPC", m.path("ipc"));
      } else if (ipc != null && !NamespaceMode.named(ipc, "private", "shareable")) {
        ctx.report("not-translatable", Severity.INFO, m.path("ipc"), m.name(),
            "ipc \"" + ipc.written() + "\" has no Kubernetes equivalent; containers of one Pod share IPC already");
      }
    }
  }
}
