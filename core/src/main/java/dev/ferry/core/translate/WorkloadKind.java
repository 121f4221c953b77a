package dev.ferry.core.translate;

/** What a compose service becomes. SIDECAR: a container in another service's Pod (network_mode: service:X). */
public enum WorkloadKind {
  DEPLOYMENT("Deployment"),
  STATEFULSET("StatefulSet"),
  DAEMONSET("DaemonSet"),
  JOB("Job"),
  CRONJOB("CronJob"),
  SIDECAR(null);

  public final String kind;

  WorkloadKind(String kind) {
    this.kind = kind;
  }
}
