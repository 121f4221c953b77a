package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;

/** The provenance of a workload's kind and of its kind-specific fields (selector, serviceName, schedule, backoffLimit). */
final class KindProvenance {
  private KindProvenance() {}

  /** Why this workload kind, and where the kind-specific fields came from. */
  static void record(TranslationContext ctx, Service s, Steering st, Scope scope, WorkloadKind kind) {
    Steering.Value k = st.get("kind");
    String why = switch (kind) {
      case DAEMONSET -> "deploy.mode: global runs one container per node: a DaemonSet";
      case JOB -> "the service runs to completion (another service waits for it to complete): a Job";
      case CRONJOB -> "a schedule makes it a CronJob";
      case STATEFULSET -> "steered to a StatefulSet";
      default -> "a long-running service with interchangeable replicas: a Deployment";
    };
    if (k != null) scope.from(ctx, "kind", k.path(), why);
    else if (kind == WorkloadKind.DAEMONSET) scope.from(ctx, "kind", s.path("deploy").key("mode"), why);
    else scope.defaulted(ctx, "kind", why);
    if (kind != WorkloadKind.CRONJOB) {
      scope.defaulted(ctx, "spec.selector", "a workload finds its Pods by labels: the service name and the project");
    }
    if (kind == WorkloadKind.STATEFULSET) {
      scope.defaulted(ctx, "spec.serviceName", "the Service that gives each replica a stable DNS name");
    }
    String jobSpec = kind == WorkloadKind.CRONJOB ? "spec.jobTemplate.spec" : "spec";
    if (kind == WorkloadKind.CRONJOB) {
      Steering.Value sched = st.get("schedule");
      if (sched != null) scope.from(ctx, "spec.schedule", sched.path());
      else scope.defaulted(ctx, "spec.schedule", "no schedule was given: daily at midnight");
      Steering.Value cp = st.label("kompose.cronjob.concurrency_policy");
      if (cp != null) scope.from(ctx, "spec.concurrencyPolicy", cp.path());
      else scope.defaulted(ctx, "spec.concurrencyPolicy", "a run never starts while the previous one is still running");
      scope.defaulted(ctx, "spec.jobTemplate.metadata", "the recommended labels, on each Job the CronJob creates");
    }
    if (kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB) {
      Steering.Value bl = st.label("kompose.cronjob.backoff_limit");
      ModelPath max = s.path("deploy").key("restart_policy").key("max_attempts");
      if (bl != null) scope.from(ctx, jobSpec + ".backoffLimit", bl.path());
      else if (s.deployment().deploy().restartMaxAttempts() != null) scope.from(ctx, jobSpec + ".backoffLimit", max);
    }
  }
}
