package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/**
 * One service volume entry in long syntax. {@code type} is volume, bind, tmpfs, npipe, cluster or
 * image; {@code source} is the named volume, the host path (as written, relative paths kept
 * relative to the project directory) or null for anonymous volumes and tmpfs. {@code subpath} is
 * {@code volume.subpath} or {@code image.subpath}.
 */
public record Mount(
    String type, String source, String target, boolean readOnly, Long tmpfsSize, String subpath,
    boolean createHostPath, ModelPath path) {

  public boolean isBind() {
    return "bind".equals(type);
  }

  public boolean isNamedVolume() {
    return "volume".equals(type) && source != null && !source.isEmpty();
  }

  public boolean isAnonymousVolume() {
    return "volume".equals(type) && (source == null || source.isEmpty());
  }

  /** A named or anonymous volume. */
  public boolean isVolume() {
    return "volume".equals(type);
  }

  public boolean isTmpfs() {
    return "tmpfs".equals(type);
  }
}
