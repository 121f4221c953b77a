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
    boolean networkPolicies) {

  /** The pinned image used by dependency-wait initContainers (never :latest). */
  public static final String DEFAULT_WAIT_IMAGE = "busybox:1.36.1";

  /**
   * What bind mounts become. auto: by what the source is (docs/conversion.md's decision table,
   * {@link dev.ferry.core.translate.storage.BindRow}); configmap: every existing file or small
   * directory is copied; pvc: every directory is a PersistentVolumeClaim (files still ConfigMaps).
   */
  public enum BindMounts { AUTO, EMPTYDIR, HOSTPATH, CONFIGMAP, PVC, SKIP }

  public static TranslateOptions defaults() {
    return new TranslateOptions(null, true, DEFAULT_WAIT_IMAGE, BindMounts.AUTO, false);
  }

  public TranslateOptions withNamespace(String ns) {
    return new TranslateOptions(ns, waitForDependencies, waitImage, bindMounts, networkPolicies);
  }

  public TranslateOptions withWaitForDependencies(boolean b) {
    return new TranslateOptions(namespace, b, waitImage, bindMounts, networkPolicies);
  }

  public TranslateOptions withWaitImage(String img) {
    return new TranslateOptions(namespace, waitForDependencies, img, bindMounts, networkPolicies);
  }

  public TranslateOptions withBindMounts(BindMounts m) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, m, networkPolicies);
  }

  public TranslateOptions withNetworkPolicies(boolean b) {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, b);
  }
}
