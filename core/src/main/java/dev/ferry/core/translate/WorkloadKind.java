package dev.ferry.core.translate;

/**
 * What a compose service becomes. SIDECAR: a container in another service's Pod (network_mode:
 * service:X); PROVIDER: nothing (a compose provider sets it up). {@link #kind} is null for both.
 */
public enum WorkloadKind {
  DEPLOYMENT("Deployment"),
  STATEFULSET("StatefulSet"),
  DAEMONSET("DaemonSet"),
  JOB("Job"),
  CRONJOB("CronJob"),
  SIDECAR(null),
  /** A {@code provider} service: set up outside the cluster's workloads, so no workload and no Service. */
  PROVIDER(null);

  public final String kind;

  WorkloadKind(String kind) {
    this.kind = kind;
  }
}
