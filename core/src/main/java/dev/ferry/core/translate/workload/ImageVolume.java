package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.KubeVersion;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.storage.PodVolumes;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

/**
 * A {@code type: image} volume (an OCI image's filesystem mounted read-only) becomes a Pod
 * {@code image} volume when the target Kubernetes version serves that field (beta from
 * {@link KubeVersion#IMAGE_VOLUMES}); for an older target it is not mounted, with a finding naming
 * the version that has it.
 */
final class ImageVolume {
  private ImageVolume() {}

  /** The Pod volume's name, or null when the target version has no image volumes. */
  static String use(TranslationContext ctx, Service s, Mount m, PodVolumes vols) {
    KubeVersion target = ctx.options().kubeVersion();
    String ref = m.source() == null ? "" : m.source();
    if (!target.atLeast(KubeVersion.IMAGE_VOLUMES)) {
      ctx.report("image-volume", Severity.WARNING, m.path(), s.name(), "image volume " + ref + " at " + m.target()
          + " needs Kubernetes " + KubeVersion.IMAGE_VOLUMES + " or later (image volumes, beta; the ImageVolume feature"
          + " gate and a container runtime that supports it); the target is " + target + ", so it is not mounted."
          + " Convert with --kube-version " + KubeVersion.IMAGE_VOLUMES + " (or later) to mount it");
      return null;
    }
    ctx.report("image-volume", Severity.INFO, m.path(), s.name(), "image volume " + ref + " at " + m.target()
        + " becomes an image volume (read-only): it needs Kubernetes " + KubeVersion.IMAGE_VOLUMES + " or later with the"
        + " ImageVolume feature gate on and a container runtime that supports it (containerd 2.1+, CRI-O 1.31+)");
    return vols.use("image:" + ref, "image-" + MountMapper.last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
        .withNewImage().withReference(ref).withPullPolicy("IfNotPresent").endImage().build());
  }
}
