package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import java.util.List;
import java.util.Set;

/**
 * Per-mount steering, read and checked once: {@code x-ferry.mounts."<target>".{type, size,
 * storageClass, accessMode, subPath}} of the service, else the kompose label that applies to all
 * its volumes ({@code kompose.volume.type/size/storage-class-name/subpath}). A value that cannot be
 * used is a {@code steering-invalid} finding and is left out, never silently. Null fields: not steered.
 */
public record MountSteering(MountPlan.Kind type, Steering.Value size, Steering.Value storageClass,
    Steering.Value accessMode, Steering.Value subPath) {

  public static final List<String> ACCESS_MODES = List.of("ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany", "ReadWriteOncePod");

  static MountSteering none() {
    return new MountSteering(null, null, null, null, null);
  }

  /** Reads {@code m}'s steering; each invalid value is reported once ({@code reported} holds where). */
  static MountSteering of(TranslationContext ctx, Service s, Mount m, Steering st, Set<ModelPath> reported) {
    Steering.Value t = st.mount(m.target(), "type");
    MountPlan.Kind type = t == null ? null : switch (MountPlan.lower(t.text())) {
      case "pvc", "persistentvolumeclaim", "volume" -> MountPlan.Kind.PVC;
      case "configmap" -> MountPlan.Kind.CONFIG_MAP;
      case "secret" -> MountPlan.Kind.SECRET;
      case "emptydir" -> MountPlan.Kind.EMPTY_DIR;
      case "hostpath" -> MountPlan.Kind.HOST_PATH;
      case "none", "skip" -> MountPlan.Kind.NONE;
      default -> null;
    };
    if (t != null && type == null) invalid(ctx, s, t, reported, "mount type \"" + t.text() + "\" is not one of pvc,"
        + " configMap, secret, emptyDir, hostPath, none (kompose: persistentVolumeClaim, configMap, emptyDir, hostPath)");
    if (type != null && m.isAnonymousVolume() && type != MountPlan.Kind.PVC && type != MountPlan.Kind.EMPTY_DIR
        && type != MountPlan.Kind.NONE) {
      invalid(ctx, s, t, reported, "an anonymous volume (at " + m.target() + ") has no host content: it can be a pvc,"
          + " an emptyDir or none, not " + t.text());
      type = null;
    }
    if (type != null && m.isNamedVolume()) {
      if (type != MountPlan.Kind.PVC) {
        invalid(ctx, s, t, reported, "named volumes (here \"" + m.source() + "\" at " + m.target() + ") stay"
            + " PersistentVolumeClaims: a mount type applies to bind mounts and anonymous volumes (--volumes emptydir"
            + " makes named volumes emptyDirs)");
      }
      type = null;
    }
    Steering.Value size = st.mount(m.target(), "size");
    if (size != null && ClaimSize.quantityOrNull(size.text()) == null) {
      invalid(ctx, s, size, reported, "volume size \"" + size.text() + "\" is not a size (like 10Gi or 500Mi); the"
          + " default " + Storage.DEFAULT_SIZE + " is used");
      size = null;
    }
    Steering.Value cls = st.mount(m.target(), "storageClass");
    if (cls != null && !cls.text().isEmpty() && !cls.text().matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
      invalid(ctx, s, cls, reported, "storage class \"" + cls.text() + "\" is not a valid name (lower-case DNS subdomain)");
      cls = null;
    }
    Steering.Value mode = st.mount(m.target(), "accessMode");
    if (mode != null && !ACCESS_MODES.contains(mode.text().trim())) {
      invalid(ctx, s, mode, reported, "access mode \"" + mode.text() + "\" is not one of " + String.join(", ", ACCESS_MODES));
      mode = null;
    }
    Steering.Value sub = st.mount(m.target(), "subPath");
    if (sub != null && (sub.text().startsWith("/") || List.of(sub.text().split("/")).contains(".."))) {
      invalid(ctx, s, sub, reported, "subPath \"" + sub.text() + "\" must be a relative path without \"..\"");
      sub = null;
    }
    return new MountSteering(type, size, cls, mode, sub);
  }

  private static void invalid(TranslationContext ctx, Service s, Steering.Value v, Set<ModelPath> reported, String why) {
    if (reported.add(v.path())) ctx.report("steering-invalid", Severity.WARNING, v.path(), s.name(), why);
  }
}
