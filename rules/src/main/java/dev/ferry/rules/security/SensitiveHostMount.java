package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.RuntimeSockets;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.List;
import java.util.Set;

/**
 * A bind mount of a sensitive host path: the root, system directories ({@code /etc}, {@code /proc},
 * {@code /sys}, {@code /dev}, {@code /boot}, {@code /root}...), the runtime's state
 * ({@code /var/lib/docker}, kubelet, containerd), or credentials ({@code ~/.ssh}, {@code ~/.aws},
 * {@code ~/.kube}, {@code ~/.docker}, {@code ~/.gnupg}). Harmless files like {@code /etc/localtime}
 * are not reported; runtime sockets are the {@code docker-socket-mount} rule's.
 */
@RuleInfo(
    id = "sensitive-host-mount",
    summary = "A service bind-mounts a sensitive host path (/, /etc, /proc, /sys, /var/lib/docker, ~/.ssh, ...).",
    remediation = "Mount only the specific file or directory the service needs, read-only; on Kubernetes prefer"
        + " ConfigMaps, Secrets and volumes to hostPath.",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class SensitiveHostMount implements Rule {
  /** Directories reported when mounted as a whole. */
  static final Set<String> EXACT = Set.of(
      "/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/home", "/usr", "/bin", "/sbin", "/lib", "/lib64",
      "/var", "/var/lib", "/var/run", "/run", "/var/log", "/lib/modules", "/usr/lib/modules", "/dev/mem", "/dev/kmem");
  /** Trees reported when anything in them is mounted. */
  static final List<String> TREES = List.of(
      "/proc/", "/sys/", "/boot/", "/root/", "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet",
      "/etc/kubernetes", "/etc/ssh", "/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/docker", "/etc/containerd");
  /** Credential directories in a home directory. */
  static final List<String> HOME_SECRETS = List.of("/.ssh", "/.aws", "/.kube", "/.docker", "/.gnupg", "/.config/gcloud", "/.azure");

  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      for (Mount m : s.storage().volumes()) {
        if (!m.isBind() || m.source() == null || RuntimeSockets.isRuntimeSocket(m)) continue;
        String src = normalise(m.source());
        if (!isSensitive(src)) continue;
        ctx.report(m.path(), s.name(), "service \"" + s.name() + "\" mounts the host path " + m.source()
            + (m.readOnly() ? " (read-only)" : "") + ": it exposes the host's system or credentials to the container;"
            + " on Kubernetes it would need a hostPath volume, which Pod Security 'baseline' forbids");
      }
    }
  }

  static boolean isSensitive(String src) {
    if (EXACT.contains(src)) return true;
    for (String t : TREES) {
      if (src.equals(t) || src.startsWith(t.endsWith("/") ? t : t + "/") || (t.endsWith("/") && src.startsWith(t))) return true;
    }
    if (src.equals("~") || src.matches("/home/[^/]+") || src.matches("/Users/[^/]+")) return true;
    for (String h : HOME_SECRETS) {
      if (src.equals("~" + h) || src.startsWith("~" + h + "/")) return true;
      int i = src.indexOf(h);
      if (i > 0 && (src.startsWith("/home/") || src.startsWith("/Users/") || src.startsWith("/root/"))
          && (src.length() == i + h.length() || src.charAt(i + h.length()) == '/')) return true;
    }
    return false;
  }

  /** Collapses repeated and trailing slashes: {@code //etc/} is {@code /etc}. */
  static String normalise(String source) {
    String s = source.trim().replaceAll("/{2,}", "/");
    while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }
}
