package dev.ferry.core.translate.workload;

/**
 * The Pod volume a mount uses: its name, the subPath when it mounts one key of a ConfigMap or
 * Secret, whether that copy is read-only, and whether the volume is a claim (which may get a subPath).
 */
record MountTarget(String volume, String subPath, boolean configMap, boolean claim) {
  static MountTarget of(String volume) {
    return volume == null ? null : new MountTarget(volume, null, false, false);
  }

  static MountTarget claim(String volume) {
    return new MountTarget(volume, null, false, true);
  }
}
