package dev.ferry.core.translate.storage;

import dev.ferry.core.knowledge.RuntimeSockets;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslateOptions.BindMounts;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadPlan;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each bind mount and anonymous volume of the project becomes, decided once for all services
 * (so a source mounted by several services gets one shared claim): the rows of {@link BindRow},
 * tried in order, with per-mount steering ({@link MountSteering}) first.
 */
public final class MountPlan {
  /** The Kubernetes volume a mount becomes. */
  public enum Kind { CONFIG_MAP, SECRET, PVC, EMPTY_DIR, HOST_PATH, NONE }

  /** One mount's decision: the row that chose it, the volume kind, the host path and its copy (when read). */
  public record Decision(BindRow row, Kind kind, Path host, HostSnapshot snapshot, MountSteering steering) {}

  private final Map<ModelPath, Decision> decisions = new LinkedHashMap<>();
  private final Set<ModelPath> reported = new HashSet<>();

  public MountPlan(TranslationContext ctx, WorkloadPlan plan) {
    for (Service s : ctx.project().services().values()) {
      Steering st = plan.steering(s.name());
      for (Mount m : s.storage().volumes()) {
        if (!m.isBind() && !m.isVolume()) continue;
        MountSteering ms = MountSteering.of(ctx, s, m, st == null ? new Steering(s, null) : st, reported);
        decisions.put(m.path(), m.isBind() ? bind(ctx, s, m, ms) : m.isNamedVolume()
            ? new Decision(null, Kind.PVC, null, null, ms) : anonymous(ms));
      }
    }
  }

  public Decision decision(Mount m) {
    return decisions.get(m.path());
  }

  private static Decision anonymous(MountSteering ms) {
    Kind k = ms.type() == Kind.PVC || ms.type() == Kind.NONE ? ms.type() : Kind.EMPTY_DIR;
    return new Decision(ms.type() == null ? null : BindRow.STEERED, k, null, null, ms);
  }

  private static Decision bind(TranslationContext ctx, Service s, Mount m, MountSteering ms) {
    String src = m.source() == null ? "" : m.source();
    Path host = resolve(ctx, src);
    if (RuntimeSockets.isRuntimeSocket(src)) {
      return new Decision(BindRow.DOCKER_SOCKET, Kind.NONE, host, null, ms);
    }
    BindMounts mode = ctx.options().bindMounts();
    boolean system = HostPaths.isSystemPath(src);
    boolean outside = !host.startsWith(projectDir(ctx)) || src.length() > 1 && src.charAt(1) == ':';
    HostSnapshot snap = system || ms.type() == Kind.HOST_PATH || mode == BindMounts.HOSTPATH || mode == BindMounts.SKIP
        ? null : outside ? new HostSnapshot(HostSnapshot.Kind.MISSING, Map.of(), List.of(), null) : HostSnapshot.of(host);
    if (ms.type() != null) {
      Kind k = ms.type();
      if ((k == Kind.CONFIG_MAP || k == Kind.SECRET) && (snap == null || !snap.copyable())) k = Kind.NONE;
      return new Decision(BindRow.STEERED, k, host, snap, ms);
    }
    if (system) {
      return new Decision(BindRow.SYSTEM_PATH, mode == BindMounts.HOSTPATH ? Kind.HOST_PATH : Kind.NONE, host, null, ms);
    }
    if (outside && mode != BindMounts.SKIP && mode != BindMounts.HOSTPATH && (m.readOnly()
        || HostPaths.looksLikeFile(m.target()) || mode == BindMounts.CONFIGMAP)) {
      return new Decision(BindRow.OUTSIDE_PROJECT, Kind.NONE, host, snap, ms);
    }
    switch (mode) {
      case SKIP -> {
        return new Decision(BindRow.FLAG, Kind.NONE, host, null, ms);
      }
      case HOSTPATH -> {
        return new Decision(BindRow.FLAG, Kind.HOST_PATH, host, null, ms);
      }
      case EMPTYDIR -> {
        boolean file = snap.kind() == HostSnapshot.Kind.FILE || HostPaths.looksLikeFile(m.target());
        return new Decision(BindRow.FLAG, file ? Kind.NONE : Kind.EMPTY_DIR, host, snap, ms);
      }
      default -> {
        return byContent(s, m, host, snap, ms, mode);
      }
    }
  }

  private static Decision byContent(Service s, Mount m, Path host, HostSnapshot snap, MountSteering ms, BindMounts mode) {
    String src = m.source();
    switch (snap.kind()) {
      case FILE -> {
        if (!snap.copyable()) return new Decision(BindRow.FILE_TOO_BIG, Kind.NONE, host, snap, ms);
        return new Decision(BindRow.FILE, copyKind(snap, host), host, snap, ms);
      }
      case MISSING -> {
        if (HostPaths.looksLikeFile(m.target()) || HostPaths.looksLikeFile(src) && !src.endsWith("/")) {
          return new Decision(BindRow.MISSING_FILE, Kind.NONE, host, snap, ms);
        }
        if (m.readOnly()) return new Decision(BindRow.EMPTY_READ_ONLY, Kind.EMPTY_DIR, host, snap, ms);
        return new Decision(BindRow.DATA_DIR, Kind.PVC, host, snap, ms);
      }
      default -> {
        if (s.identity().build() != null && mode == BindMounts.AUTO && HostPaths.isCodeMount(s, src, m.target())) {
          return new Decision(BindRow.CODE, Kind.NONE, host, snap, ms);
        }
        if (m.readOnly() && snap.copyable() && snap.files().isEmpty()) {
          return new Decision(BindRow.EMPTY_READ_ONLY, Kind.EMPTY_DIR, host, snap, ms);
        }
        boolean config = m.readOnly() || HostPaths.looksLikeConfig(src, m.target()) || mode == BindMounts.CONFIGMAP;
        if (mode != BindMounts.PVC && config && snap.copyable() && !snap.files().isEmpty()) {
          return new Decision(BindRow.CONFIG_DIR, copyKind(snap, host), host, snap, ms);
        }
        if (m.readOnly() && mode != BindMounts.PVC) return new Decision(BindRow.CONFIG_DIR_TOO_BIG, Kind.NONE, host, snap, ms);
        return new Decision(BindRow.DATA_DIR, Kind.PVC, host, snap, ms);
      }
    }
  }

  private static Kind copyKind(HostSnapshot snap, Path host) {
    String dir = host.getFileName() == null ? "" : host.getFileName().toString();
    boolean secret = snap.secret() || snap.kind() == HostSnapshot.Kind.DIRECTORY && HostPaths.looksSecret(dir, null);
    return secret ? Kind.SECRET : Kind.CONFIG_MAP;
  }

  private static Path projectDir(TranslationContext ctx) {
    String wd = ctx.project().workingDir() == null ? "." : ctx.project().workingDir();
    return Path.of(wd).normalize().toAbsolutePath();
  }

  /** The host path of a bind source: relative to the project directory, {@code ~} to the user's home. */
  public static Path resolve(TranslationContext ctx, String src) {
    String wd = ctx.project().workingDir() == null ? "." : ctx.project().workingDir();
    String home = System.getProperty("user.home");
    String p = src.startsWith("~/") ? home + src.substring(1) : src;
    try {
      return Path.of(wd).resolve(p).normalize().toAbsolutePath();
    } catch (RuntimeException e) {
      return Path.of(wd).resolve(p.replaceAll("[^-._/a-zA-Z0-9]", "_")).normalize().toAbsolutePath();
    }
  }

  static String lower(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
  }
}
