package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.security.DockerSocketMount;

/**
 * A bind mount: host paths do not exist on cluster nodes, and {@code convert} mounts an emptyDir in
 * its place by default. The message says what the mount looks like: a project directory mounted
 * over the image's code (a development mount), a single configuration file (a ConfigMap), or host
 * data (a PersistentVolumeClaim). Runtime sockets are the {@code docker-socket-mount} rule's.
 */
@RuleInfo(
    id = "bind-mount",
    summary = "A bind mount: the host path does not exist in a cluster (it becomes an emptyDir by default).",
    remediation = "Bake code into the image, put configuration files in a ConfigMap (convert --bind-mounts configmap),"
        + " and keep data in a named volume (a PersistentVolumeClaim).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class BindMount implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      for (Mount m : s.volumes()) {
        if (!m.isBind() || m.source() == null || DockerSocketMount.isRuntimeSocket(m)) continue;
        out.report(m.path(), s.name(), "service \"" + s.name() + "\" bind-mounts " + m.source() + " at " + m.target()
            + ": host paths do not exist on cluster nodes, so ferry mounts an empty emptyDir there by default; "
            + advice(m));
      }
    }
    out.flush();
  }

  static String advice(Mount m) {
    String src = m.source();
    String name = src.substring(src.lastIndexOf('/') + 1);
    String target = m.target() == null ? "" : m.target();
    boolean file = looksLikeFile(name);
    if (file) return "a single file like this belongs in a ConfigMap (or Secret)";
    if (target.startsWith("/etc/") || target.contains("conf")) return "configuration belongs in a ConfigMap";
    if (target.startsWith("/var/lib/") || target.startsWith("/data") || target.contains("/data/")) {
      return "data belongs in a named volume (a PersistentVolumeClaim)";
    }
    if (src.startsWith(".") && CODE_DIRS.stream().anyMatch(d -> target.equals(d) || target.startsWith(d + "/"))) {
      return "source code mounted for development belongs in the image";
    }
    if (src.startsWith(".")) return "files shipped with the project belong in the image or a ConfigMap";
    return "host data belongs in a named volume (a PersistentVolumeClaim)";
  }

  private static final java.util.List<String> CODE_DIRS = java.util.List.of(
      "/app", "/code", "/src", "/usr/src", "/var/www", "/srv", "/opt/app", "/workspace", "/home", "/project");

  /** {@code nginx.conf}, {@code .env}, {@code Caddyfile}; not {@code conf.d}, {@code src} or {@code .}. */
  private static boolean looksLikeFile(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.endsWith(".d")) return false;
    if (name.startsWith(".")) return true;
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length() - 1 || name.endsWith("file");
  }
}
