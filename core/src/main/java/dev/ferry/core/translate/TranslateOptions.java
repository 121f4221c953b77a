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
    KubeVersion kubeVersion) {

  /** The pinned image used by dependency-wait initContainers (never :latest). */
  public static final String DEFAULT_WAIT_IMAGE = "busybox:1.36.1";

  /** auto: an existing small file becomes a ConfigMap, anything else an emptyDir. */
  public enum BindMounts { AUTO, EMPTYDIR, HOSTPATH, CONFIGMAP, SKIP }

  public static TranslateOptions defaults() {
    return new TranslateOptions(null, true, DEFAULT_WAIT_IMAGE, BindMounts.AUTO, false, KubeVersion.OLDEST);
  }

  public TranslateOptions withNamespace(String ns) {
    return new TranslateOptions(ns, waitForDependencies, waitImage, bindMounts, networkPolicies, kubeVersion);
  }

  public TranslateOptions withWaitForDependencies(boolean b) {
    return new TranslateOptions(namespace, b, waitImage, bindMounts, networkPolicies, kubeVersion);
  }

  public TranslateOptions withWaitImage(String img) {
    return new TranslateOptions(namespace, waitForDependencies, img, bindMounts, networkPolicies, kubeVersion);
  }

  public TranslateOptions withBindMounts(BindMounts m) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, m, networkPolicies, kubeVersion);
  }

  public TranslateOptions withNetworkPolicies(boolean b) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, b, kubeVersion);
  }

  /** The Kubernetes version the output targets (--kube-version): decides fields newer clusters have. */
  public TranslateOptions withKubeVersion(KubeVersion v) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, networkPolicies, v);
  }
}
