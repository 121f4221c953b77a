package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.WellKnownPorts;
import dev.ferry.core.model.Restart;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import dev.ferry.core.translate.storage.FileObjects;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workload object of a service: Deployment (default), StatefulSet (steered), DaemonSet
 * ({@code deploy.mode: global}), Job (runs to completion and others wait for it), CronJob
 * (steered with a schedule). Replicas from x-ferry, deploy.replicas or scale; a Deployment that
 * mounts a ReadWriteOnce claim rolls out with strategy Recreate, so the old Pod lets go first.
 */
public final class WorkloadMapper {
  private static final Set<String> DATABASES = Set.of("postgres", "mysql", "mariadb", "mongo", "mongodb",
      "cassandra", "elasticsearch", "opensearch", "clickhouse-server", "clickhouse", "couchdb", "neo4j", "influxdb",
      "cockroach", "timescaledb", "postgis", "percona", "zookeeper", "etcd", "kafka", "rabbitmq", "minio");

  private WorkloadMapper() {}

  public static HasMetadata map(TranslationContext ctx, WorkloadPlan plan, Service s, Storage storage, FileObjects files) {
    WorkloadKind kind = plan.kind(s.name());
    String name = ctx.naming().of(s.name());
    Steering st = plan.steering(s.name());
    Scope scope = new Scope(kind.kind, name, "");
    String component = component(kind, s);
    ObjectMeta meta = ctx.meta(name, name, component);
    Map<String, String> extra = deployLabels(ctx, s);
    if (!extra.isEmpty()) meta.getLabels().putAll(extra);
    scope.from(ctx, "metadata.name", s.path(), ctx.naming().renamed(s.name())
        ? "\"" + s.name() + "\" is not a DNS-1123 label; renamed to \"" + name + "\"" : null);
    if (ctx.naming().renamed(s.name())) {
      ctx.report("service-name-not-dns", Severity.WARNING, s.path(), s.name(),
          "service name \"" + s.name() + "\" is not a valid Kubernetes name (DNS-1123 label); its objects are named \""
              + name + "\" and references to it are rewritten");
    }
    LabelSelector selector = new LabelSelectorBuilder().withMatchLabels(ctx.selector(name)).build();
    Integer replicas = replicas(ctx, s, st, scope, kind);
    boolean job = kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB;
    Scope template = scope.at(kind == WorkloadKind.CRONJOB ? "spec.jobTemplate.spec.template" : "spec.template");
    // restart: "no" keeps its meaning for a Job or CronJob: the container is not restarted in place
    boolean no = Restart.is(s.deployment().restartPolicy(), Restart.Policy.NO);
    String policy = !job ? null : no ? "Never" : "OnFailure";
    PodTemplateSpec pod = PodMapper.map(ctx, plan, s, storage, files, template, policy);
    restart(ctx, s, kind);
    suggestStatefulSet(ctx, s, kind);
    KindProvenance.record(ctx, s, st, scope, kind);
    // built from the parts, not through nested builders: withTemplate(pod) would copy the whole Pod
    // template (twice: into the builder and out of it again), which dominated translation time
    return switch (kind) {
      case STATEFULSET -> {
        StatefulSetSpec spec = new StatefulSetSpec();
        spec.setServiceName(name);
        spec.setReplicas(replicas);
        spec.setSelector(selector);
        spec.setTemplate(pod);
        spec.setVolumeClaimTemplates(storage.templatesOf(ctx, ctx.project(), s.name(), plan));
        yield new StatefulSet("apps/v1", "StatefulSet", meta, spec, null);
      }
      case DAEMONSET -> {
        DaemonSetSpec spec = new DaemonSetSpec();
        spec.setSelector(selector);
        spec.setTemplate(pod);
        yield new DaemonSet("apps/v1", "DaemonSet", meta, spec, null);
      }
      case JOB -> new Job("batch/v1", "Job", meta, jobSpec(s, st, pod), null);
      case CRONJOB -> new CronJobBuilder().withMetadata(meta).withNewSpec()
          .withSchedule(st.get("schedule") == null ? "0 0 * * *" : st.get("schedule").text())
          .withConcurrencyPolicy(st.label("kompose.cronjob.concurrency_policy") == null ? "Forbid"
              : st.label("kompose.cronjob.concurrency_policy").text())
          .withNewJobTemplate().withNewMetadata().withLabels(ctx.labels(name, component)).endMetadata()
          .withSpec(jobSpec(s, st, pod)).endJobTemplate()
          .endSpec().build();
      default -> {
        DeploymentSpec spec = new DeploymentSpec();
        spec.setReplicas(replicas);
        spec.setSelector(selector);
        spec.setTemplate(pod);
        if (storage.usesReadWriteOnce(ctx.project(), s.name(), plan)) {
          spec.setStrategy(new DeploymentStrategyBuilder().withType("Recreate").build());
          scope.defaulted(ctx, "spec.strategy", "the Pod mounts a ReadWriteOnce claim: a rolling update would start"
              + " the new Pod while the old one still holds it");
        }
        yield new Deployment("apps/v1", "Deployment", meta, spec, null);
      }
    };
  }

  private static JobSpec jobSpec(Service s, Steering st, PodTemplateSpec pod) {
    Integer backoff = s.deployment().deploy().restartMaxAttempts();
    Steering.Value k = st.label("kompose.cronjob.backoff_limit");
    if (k != null) backoff = k.asInt(6);
    JobSpec spec = new JobSpecBuilder().withBackoffLimit(backoff).build();
    spec.setTemplate(pod);
    return spec;
  }

  private static Integer replicas(TranslationContext ctx, Service s, Steering st, Scope scope, WorkloadKind kind) {
    if (kind != WorkloadKind.DEPLOYMENT && kind != WorkloadKind.STATEFULSET) return null;
    Steering.Value v = st.get("replicas");
    if (v != null) {
      scope.from(ctx, "spec.replicas", v.path());
      return v.asInt(1);
    }
    if (s.replicas() != null) {
      scope.from(ctx, "spec.replicas", s.deployment().deploy().replicas() != null ? s.path("deploy").key("replicas") : s.path("scale"));
      return s.replicas();
    }
    scope.defaulted(ctx, "spec.replicas", "compose runs one container per service unless deploy.replicas or scale say otherwise");
    return 1;
  }

  private static void restart(TranslationContext ctx, Service s, WorkloadKind kind) {
    if (kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB) return;
    Restart r = s.deployment().restartPolicy();
    if (r != null && r.stopsOnSuccess()) {
      ctx.report("restart-policy", Severity.INFO, s.path("restart"), s.name(),
          "restart: " + r + " cannot be kept for a " + kind.kind + ": its Pods are always restarted"
              + (r.policy() == Restart.Policy.NO ? "; if the service runs to completion, steer it with x-ferry kind: job" : ""));
    }
    String c = s.deployment().deploy().restartCondition();
    if ("none".equals(c) || "on-failure".equals(c)) {
      ctx.report("restart-policy", Severity.INFO, s.path("deploy").key("restart_policy").key("condition"), s.name(),
          "deploy.restart_policy.condition: " + c + " cannot be kept for a " + kind.kind + ": its Pods are always"
              + " restarted" + (c.equals("none") ? "; if the service runs to completion, steer it with x-ferry kind: job" : ""));
    }
  }

  private static void suggestStatefulSet(TranslationContext ctx, Service s, WorkloadKind kind) {
    if (kind != WorkloadKind.DEPLOYMENT || s.identity().image() == null) return;
    String img = s.identity().image().shortName().toLowerCase(Locale.ROOT);
    if (!DATABASES.contains(img) || s.storage().volumes().stream().noneMatch(m -> m.isNamedVolume())) return;
    ctx.report("statefulset-suggested", Severity.INFO, s.has("image") ? s.path("image") : s.path(), s.name(),
        "\"" + s.name() + "\" looks like a database with a named volume; it is a Deployment (with strategy Recreate),"
            + " but a StatefulSet gives it stable identity and per-replica storage: x-ferry kind: statefulset");
  }

  /** A coarse role for app.kubernetes.io/component: job, database, cache, queue; null otherwise. */
  static String component(WorkloadKind kind, Service s) {
    if (kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB) return "job";
    if (s.identity().image() == null) return null;
    String img = s.identity().image().shortName().toLowerCase(Locale.ROOT);
    if (Set.of("redis", "memcached", "valkey", "keydb").contains(img)) return "cache";
    if (Set.of("rabbitmq", "kafka", "cp-kafka", "nats", "mosquitto", "eclipse-mosquitto", "pulsar").contains(img)) return "queue";
    if (DATABASES.contains(img) && WellKnownPorts.ofImage(s.identity().image()) > 0) return "database";
    return null;
  }

  /** deploy.labels that are valid Kubernetes labels go on the workload; others are reported. */
  private static Map<String, String> deployLabels(TranslationContext ctx, Service s) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : s.deployment().deploy().labels().entrySet()) {
      ModelPath at = s.path("deploy").key("labels").key(e.getKey());
      String v = e.getValue() == null ? "" : e.getValue();
      if (e.getKey().startsWith("app.kubernetes.io/")) continue;
      String why = Steering.unhonoured(e.getKey());
      if (why != null) ctx.report("steering-invalid", Severity.WARNING, at, s.name(), why);
      if (Steering.isSteeringLabel(e.getKey())) continue;
      if (PodAnnotations.validLabel(e.getKey(), v)) out.put(e.getKey(), v);
      else ctx.report("not-translatable", Severity.INFO, at, s.name(),
          "deploy label \"" + e.getKey() + "\" is not a valid Kubernetes label; it is left out");
    }
    return out;
  }
}
