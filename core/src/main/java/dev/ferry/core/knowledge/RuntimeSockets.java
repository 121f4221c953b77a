package dev.ferry.core.knowledge;

import dev.ferry.core.model.Mount;
import dev.ferry.core.model.MountType;
import java.util.Locale;
import java.util.Set;

/**
 * Container-runtime sockets a compose file may mount: {@code /var/run/docker.sock},
 * {@code /run/docker.sock}, rootless {@code /run/user/1000/docker.sock}, Docker Desktop's
 * {@code docker.sock.raw}, podman's, containerd's and CRI-O's sockets, and the Windows
 * {@code docker_engine} pipe. Whoever reaches one controls the host; no Kubernetes node offers a
 * Docker daemon there. The conversion does not mount them, and lint does not call them host paths.
 */
public final class RuntimeSockets {
  private static final Set<String> NAMES = Set.of(
      "docker.sock", "docker.sock.raw", "podman.sock", "containerd.sock", "crio.sock", "docker_engine");

  private RuntimeSockets() {}

  /** Whether a bind (or npipe) mount's source is a runtime socket. */
  public static boolean isRuntimeSocket(Mount m) {
    return m.source() != null && (m.isBind() || m.type() == MountType.NPIPE) && isRuntimeSocket(m.source());
  }

  /** Whether a host path names a runtime socket (trailing slashes and Windows separators allowed). */
  public static boolean isRuntimeSocket(String source) {
    String src = source.replace('\\', '/').toLowerCase(Locale.ROOT);
    while (src.endsWith("/") && src.length() > 1) src = src.substring(0, src.length() - 1);
    return NAMES.contains(src.substring(src.lastIndexOf('/') + 1));
  }
}
