package dev.ferry.core.translate;

/**
 * Conversion choices (CLI flags). Positive flags; defaults are what {@code ferry convert} does
 * without options.
 */
public record TranslateOptions(
    String namespace,
    boolean waitForDependencies,
    String waitImage,
    BindMounts bindMounts,
    boolean networkPolicies,
    Volumes volumes,
    KubeVersion kubeVersion) {

  /**
   * What named volumes become: pvc (default) or emptydir, for a throwaway cluster with no storage
   * provisioner (claims would stay Pending and the Pods with them); data then lasts as long as the Pod.
   */
  public enum Volumes { PVC, EMPTYDIR }

  /** The pinned image used by dependency-wait initContainers (never :latest). */
  public static final String DEFAULT_WAIT_IMAGE = "busybox:1.36.1";

  /**
   * What bind mounts become. auto: by what the source is (docs/conversion.md's decision table,
   * {@link dev.ferry.core.translate.storage.BindRow}); configmap: every existing file or small
   * directory is copied; pvc: every directory is a PersistentVolumeClaim (files still ConfigMaps).
   */
  public enum BindMounts { AUTO, EMPTYDIR, HOSTPATH, CONFIGMAP, PVC, SKIP }

  public static TranslateOptions defaults() {
    return new TranslateOptions(null, true, DEFAULT_WAIT_IMAGE, BindMounts.AUTO, false, Volumes.PVC, KubeVersion.OLDEST);
  }

  public TranslateOptions withNamespace(String ns) {
    return new TranslateOptions(ns, waitForDependencies, waitImage, bindMounts, networkPolicies, volumes, kubeVersion);
  }

  public TranslateOptions withWaitForDependencies(boolean b) {
    return new TranslateOptions(namespace, b, waitImage, bindMounts, networkPolicies, volumes, kubeVersion);
  }

  public TranslateOptions withWaitImage(String img) {
    return new TranslateOptions(namespace, waitForDependencies, img, bindMounts, networkPolicies, volumes, kubeVersion);
  }

  public TranslateOptions withBindMounts(BindMounts m) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, m, networkPolicies, volumes, kubeVersion);
  }

  public TranslateOptions withNetworkPolicies(boolean b) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, b, volumes, kubeVersion);
  }

  public TranslateOptions withVolumes(Volumes v) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, networkPolicies, v, kubeVersion);
  }

  /** The Kubernetes version the output targets (--kube-version): decides fields newer clusters have. */
  public TranslateOptions withKubeVersion(KubeVersion v) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, networkPolicies, volumes, v);
  }
}
