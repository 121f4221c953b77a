package dev.ferry.core.translate.run;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.translate.Coverage;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import dev.ferry.core.translate.network.IngressMapper;
import dev.ferry.core.translate.network.NetworkPolicyMapper;
import dev.ferry.core.translate.network.ServiceMapper;
import dev.ferry.core.translate.network.ServicePorts;
import dev.ferry.core.translate.storage.FileObjects;
import dev.ferry.core.translate.storage.Storage;
import dev.ferry.core.translate.workload.HpaMapper;
import dev.ferry.core.translate.workload.ModelRunner;
import dev.ferry.core.translate.workload.PdbMapper;
import dev.ferry.core.translate.workload.ProviderMapper;
import dev.ferry.core.translate.workload.WorkloadMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Compose project → Kubernetes objects. Thin on purpose: project-wide decisions are made once in
 * {@link WorkloadPlan}, then each mapper adds its objects, provenance and findings to the context.
 * Output order is stable: by kind (in the order Helm installs them), then name.
 */
public final class Translator {
  /** Emission order of kinds. */
  public static final List<String> KIND_ORDER = List.of(
      "Namespace", "ServiceAccount", "Secret", "ConfigMap", "PersistentVolumeClaim", "Role", "RoleBinding",
      "Service", "DaemonSet", "Deployment", "StatefulSet", "Job", "CronJob", "HorizontalPodAutoscaler", "PodDisruptionBudget",
      "Ingress",
      "NetworkPolicy");

  private Translator() {}

  public static Translation translate(Project project, SourceMap sourceMap, TranslateOptions options) {
    return translate(project, sourceMap, options, InServiceOrder.PARALLEL_FROM);
  }

  /** {@link #translate(Project, SourceMap, TranslateOptions)}, services on several threads from {@code parallelFrom} of them. */
  static Translation translate(Project project, SourceMap sourceMap, TranslateOptions options, int parallelFrom) {
    TranslationContext ctx = new TranslationContext(project, sourceMap, options);
    WorkloadPlan plan = new WorkloadPlan(ctx);
    Storage storage = portsAndStorage(ctx, plan, parallelFrom);
    FileObjects files = new FileObjects(ctx);
    InServiceOrder.run(ctx, List.copyOf(project.services().values()), parallelFrom, (c, s) -> {
      Coverage.report(c, s);
      if (plan.kind(s.name()) == WorkloadKind.PROVIDER) ProviderMapper.report(c, s);
      if (plan.kind(s.name()).kind == null) return;
      HasMetadata workload = WorkloadMapper.map(c, plan, s, storage, files);
      c.emit(workload);
      ServiceMapper.map(c, plan, s);
      IngressMapper.map(c, plan, s);
      HpaMapper.map(c, plan, s);
      PdbMapper.map(c, plan, s, workload);
    });
    ModelRunner.map(ctx);
    if (options.networkPolicies()) NetworkPolicyMapper.map(ctx, plan);
    if (options.namespace() != null) {
      // -n NS: the namespace must exist before anything is applied into it (kubectl apply on a fresh cluster)
      ctx.emit(new NamespaceBuilder().withNewMetadata().withName(options.namespace())
          .addToLabels("app.kubernetes.io/managed-by", "ferry").endMetadata().build());
    }
    if (project.services().size() < parallelFrom) {
      return new Translation(sorted(ctx.objects()), ctx.provenance(), Diagnostics.sort(ctx.diagnostics().all()));
    }
    // the findings are sorted on another thread while the objects are sorted on this one (each sort is on its own)
    CompletableFuture<List<Diagnostic>> diagnostics = CompletableFuture.supplyAsync(() -> Diagnostics.sort(ctx.diagnostics().all()));
    List<HasMetadata> objects = sorted(ctx.objects());
    return new Translation(objects, ctx.provenance(), OnEveryCore.join(diagnostics));
  }

  /**
   * {@link ServicePorts#plan} and the {@link Storage} plan: side by side on forks of {@code ctx}
   * from {@code parallelFrom} services on (they read the plan's kinds, owners and steering, which neither changes; only
   * the ports plan writes the plan's ports, which storage does not read), joined in that order, so
   * names, objects, provenance, findings and the failure thrown are those of running one and then
   * the other on {@code ctx}.
   */
  private static Storage portsAndStorage(TranslationContext ctx, WorkloadPlan plan, int parallelFrom) {
    if (ctx.project().services().size() < parallelFrom) {
      ServicePorts.plan(ctx, plan, parallelFrom);
      return new Storage(ctx, plan);
    }
    TranslationContext ports = ctx.fork();
    TranslationContext storage = ctx.fork();
    // storage on another thread, the ports plan (itself on every core) on this one
    CompletableFuture<Storage> made = CompletableFuture.supplyAsync(() -> new Storage(storage, plan));
    try {
      ServicePorts.plan(ports, plan, parallelFrom);
    } catch (RuntimeException | Error e) {
      made.handle((done, failed) -> null).join(); // storage ends first; its own failure would come second
      throw e;
    }
    Storage planned = OnEveryCore.join(made);
    if (!ctx.join(ports)) ServicePorts.plan(ctx, plan, parallelFrom); // (never: it claims no name and emits nothing)
    return ctx.join(storage) ? planned : new Storage(ctx, plan);
  }

  /** By kind (in {@link #KIND_ORDER}), then name; stable. Each object's rank is looked up once, not per comparison. */
  private static List<HasMetadata> sorted(List<HasMetadata> objects) {
    record Keyed(int rank, String name, HasMetadata object) {}
    Keyed[] keyed = new Keyed[objects.size()];
    for (int i = 0; i < keyed.length; i++) {
      HasMetadata o = objects.get(i);
      keyed[i] = new Keyed(rank(o.getKind()), o.getMetadata().getName(), o);
    }
    Arrays.sort(keyed, (a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank) : a.name.compareTo(b.name));
    HasMetadata[] out = new HasMetadata[keyed.length];
    for (int i = 0; i < out.length; i++) out[i] = keyed[i].object();
    return List.of(out);
  }

  /** Each kind's place in {@link #KIND_ORDER}. */
  private static final Map<String, Integer> RANKS = ranks();

  private static Map<String, Integer> ranks() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < KIND_ORDER.size(); i++) m.put(KIND_ORDER.get(i), i);
    return m;
  }

  static int rank(String kind) {
    return RANKS.getOrDefault(Objects.requireNonNull(kind), KIND_ORDER.size());
  }
}
