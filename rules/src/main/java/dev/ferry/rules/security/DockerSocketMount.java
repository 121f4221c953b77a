package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.MountType;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.migration.PerLine;
import java.util.Locale;

/**
 * A bind mount of a container-runtime socket ({@code /var/run/docker.sock}, {@code /run/docker.sock},
 * rootless {@code /run/user/1000/docker.sock}, Docker Desktop's {@code docker.sock.raw}, podman's
 * and containerd's sockets, the Windows {@code docker_engine} pipe), in short or long syntax.
 */
@RuleInfo(
    id = "docker-socket-mount",
    summary = "A service mounts the Docker (or another container runtime's) socket.",
    remediation = "Do not mount the socket. Use the Kubernetes API with a narrowly scoped ServiceAccount,"
        + " or a rootless builder (kaniko, buildkit) for image builds.",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class DockerSocketMount implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (Mount m : s.volumes()) {
        if (isRuntimeSocket(m)) {
          out.report(m.path(), s.name(),
              "service \"" + s.name() + "\" mounts the container runtime socket " + m.source()
                  + ": whoever can reach it controls the host as root; Kubernetes nodes usually run containerd,"
                  + " so a Docker socket does not exist there either");
        }
      }
    }
    out.flush();
  }

  /** Whether the mount's source is a runtime socket (or the Windows Docker pipe). */
  public static boolean isRuntimeSocket(Mount m) {
    if (m.source() == null || !(m.isBind() || m.type() == MountType.NPIPE)) return false;
    String src = m.source().replace('\\', '/').toLowerCase(Locale.ROOT);
    while (src.endsWith("/") && src.length() > 1) src = src.substring(0, src.length() - 1);
    String name = src.substring(src.lastIndexOf('/') + 1);
    return name.equals("docker.sock") || name.equals("docker.sock.raw") || name.equals("podman.sock")
        || name.equals("containerd.sock") || name.equals("crio.sock") || name.equals("docker_engine");
  }
}
