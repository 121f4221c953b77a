package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/**
 * One service volume entry in long syntax. {@code type} is volume, bind, tmpfs, npipe, cluster or
 * image; {@code source} is the named volume, the host path (as written, relative paths kept
 * relative to the project directory) or null for anonymous volumes and tmpfs. {@code subpath} is
 * {@code volume.subpath} or {@code image.subpath}.
 */
public record Mount(
    MountType type, String source, String target, boolean readOnly, Long tmpfsSize, String subpath,
    boolean createHostPath, ModelPath path) {

  public boolean isBind() {
    return type == MountType.BIND;
  }

  public boolean isNamedVolume() {
    return type == MountType.VOLUME && source != null && !source.isEmpty();
  }

  public boolean isAnonymousVolume() {
    return type == MountType.VOLUME && (source == null || source.isEmpty());
  }

  /** A named or anonymous volume. */
  public boolean isVolume() {
    return type == MountType.VOLUME;
  }

  public boolean isTmpfs() {
    return type == MountType.TMPFS;
  }
}
