package dev.ferry.core.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** The Pod template of an emitted workload, read from the typed object (no tree is made). */
public final class PodTemplates {
  private PodTemplates() {}

  /** The Pod template of a workload (a CronJob's through its Job template), else null. */
  public static PodTemplateSpec of(HasMetadata o) {
    if (o instanceof Deployment d) return d.getSpec() == null ? null : d.getSpec().getTemplate();
    if (o instanceof StatefulSet s) return s.getSpec() == null ? null : s.getSpec().getTemplate();
    if (o instanceof DaemonSet d) return d.getSpec() == null ? null : d.getSpec().getTemplate();
    if (o instanceof Job j) return j.getSpec() == null ? null : j.getSpec().getTemplate();
    if (o instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
        && c.getSpec().getJobTemplate().getSpec() != null) {
      return c.getSpec().getJobTemplate().getSpec().getTemplate();
    }
    return null;
  }
}
