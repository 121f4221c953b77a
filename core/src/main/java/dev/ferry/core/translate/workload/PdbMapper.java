package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.provenance.Provenance;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/**
 * A PodDisruptionBudget (policy/v1, {@code maxUnavailable: 1}) for a Deployment or StatefulSet
 * that runs more than one replica or autoscales. Compose hosts are not drained; Kubernetes nodes
 * are (upgrades, scale-down), and without a budget a drain may evict every replica of a service at
 * once. With it, voluntary evictions take one Pod at a time, so a replicated service keeps
 * serving, which is what running several replicas meant in compose. A single replica gets no
 * budget: {@code maxUnavailable: 1} would not protect it, and {@code 0} would block every drain.
 * {@code x-ferry pdb: false} omits it.
 */
public final class PdbMapper {
  private PdbMapper() {}

  public static void map(TranslationContext ctx, WorkloadPlan plan, Service s, HasMetadata workload) {
    WorkloadKind kind = plan.kind(s.name());
    if (kind != WorkloadKind.DEPLOYMENT && kind != WorkloadKind.STATEFULSET) return;
    Steering st = plan.steering(s.name());
    Steering.Value off = st.get("pdb");
    if (off != null && !off.isTrue()) return;
    Integer replicas = workload instanceof Deployment d ? d.getSpec().getReplicas()
        : workload instanceof StatefulSet ss ? ss.getSpec().getReplicas() : null;
    Steering.Value hpaMin = st.get("hpa.min");
    Steering.Value hpaMax = st.get("hpa.max");
    boolean autoscaled = hpaMin != null || hpaMax != null;
    if (!autoscaled && (replicas == null || replicas < 2)) return;
    String name = workload.getMetadata().getName();
    ModelPath why = autoscaled ? (hpaMin != null ? hpaMin : hpaMax).path() : replicasSource(ctx, workload);
    ctx.emit(new PodDisruptionBudgetBuilder().withMetadata(ctx.meta(name, name, null)).withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(ctx.selector(name)).endSelector().endSpec().build());
    ctx.provenance().from("PodDisruptionBudget", name, "", why);
    ctx.provenance().from("PodDisruptionBudget", name, "spec", why,
        "several replicas: node drains evict them one at a time (maxUnavailable 1), so the service stays up");
  }

  /** Where the workload's replicas came from, as WorkloadMapper recorded it. */
  private static ModelPath replicasSource(TranslationContext ctx, HasMetadata workload) {
    for (Provenance.Link l : ctx.linksOf(workload.getKind(), workload.getMetadata().getName())) {
      if (l.field().equals("spec.replicas") && l.source() != null) return l.source();
    }
    return null;
  }
}
