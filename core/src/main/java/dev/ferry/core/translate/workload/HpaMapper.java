package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;

/** A HorizontalPodAutoscaler (autoscaling/v2) when steered: x-ferry hpa.* or kompose.hpa.* labels. */
public final class HpaMapper {
  private HpaMapper() {}

  public static void map(TranslationContext ctx, WorkloadPlan plan, Service s) {
    WorkloadKind kind = plan.kind(s.name());
    if (kind != WorkloadKind.DEPLOYMENT && kind != WorkloadKind.STATEFULSET) return;
    Steering st = plan.steering(s.name());
    Steering.Value min = st.get("hpa.min");
    Steering.Value max = st.get("hpa.max");
    if (min == null && max == null) return;
    int lo = min == null ? 1 : Math.max(1, min.asInt(1));
    int hi = max == null ? Math.max(lo, 3) : Math.max(lo, max.asInt(lo));
    List<MetricSpec> metrics = new ArrayList<>();
    metric(metrics, "cpu", st.get("hpa.cpu"), 80);
    metric(metrics, "memory", st.get("hpa.memory"), -1);
    String name = ctx.naming().of(s.name());
    ctx.emit(new HorizontalPodAutoscalerBuilder().withMetadata(ctx.meta(name, name, null)).withNewSpec()
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind(kind.kind).withName(name).endScaleTargetRef()
        .withMinReplicas(lo).withMaxReplicas(hi).withMetrics(metrics).endSpec().build());
    ctx.provenance().from("HorizontalPodAutoscaler", name, "", (min != null ? min : max).path());
    ctx.provenance().from("HorizontalPodAutoscaler", name, "spec", (min != null ? min : max).path(),
        "compose scales by hand (deploy.replicas); a HorizontalPodAutoscaler scales on load between min and max");
  }

  private static void metric(List<MetricSpec> out, String resource, Steering.Value v, int dflt) {
    int pct = v == null ? dflt : v.asInt(dflt);
    if (pct <= 0) return;
    out.add(new MetricSpecBuilder().withType("Resource").withNewResource().withName(resource)
        .withNewTarget().withType("Utilization").withAverageUtilization(pct).endTarget().endResource().build());
  }
}
