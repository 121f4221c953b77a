package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.RuntimeSockets;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.MountType;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.ByteSizes;
import dev.ferry.core.model.units.Quantities;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.storage.HostPaths;
import dev.ferry.core.translate.storage.MountPlan;
import dev.ferry.core.translate.storage.PodVolumes;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code volumes} of a service to volumeMounts and Pod volumes. Named volume → its claim (a
 * database data directory mounted through a subPath); anonymous volume → emptyDir, or a claim when
 * steered; tmpfs → emptyDir in memory with sizeLimit; bind mount → what {@link MountPlan} decided
 * ({@link BindMapper}). Per-mount steering (x-ferry mounts.<target>, kompose.volume.*) applies.
 */
public final class MountMapper {
  private MountMapper() {}

  public static List<VolumeMount> map(TranslationContext ctx, Service s, String podName, Storage storage,
      PodVolumes vols, Scope scope) {
    List<VolumeMount> out = new ArrayList<>();
    for (Mount m : s.storage().volumes()) {
      MountTarget t = volume(ctx, s, podName, m, storage, vols);
      if (t == null) continue;
      VolumeMount vm = new VolumeMount();
      vm.setName(t.volume());
      vm.setMountPath(m.target());
      if (m.readOnly() || t.configMap() || m.type() == MountType.IMAGE) vm.setReadOnly(true);
      String sub = t.subPath() != null ? t.subPath() : m.subpath() != null && !m.subpath().isEmpty() ? m.subpath()
          : t.claim() ? claimSubPath(ctx, s, m, storage, scope, out.size()) : null;
      if (sub != null && !sub.isEmpty()) vm.setSubPath(sub);
      scope.from(ctx, "volumeMounts[" + out.size() + "]", m.path());
      out.add(vm);
    }
    extras(ctx, s, vols, scope, out);
    return out;
  }

  /**
   * The subPath of a claim's mount: steered (x-ferry mounts.<target>.subPath, kompose.volume.subpath),
   * else a directory named after the data directory when {@code m} is a database's data directory
   * (a fresh volume's root holds lost+found, which postgres initdb and mysqld --initialize refuse).
   */
  private static String claimSubPath(TranslationContext ctx, Service s, Mount m, Storage storage, Scope scope, int index) {
    MountPlan.Decision d = storage.mounts().decision(m);
    Steering.Value v = d != null && d.steering() != null ? d.steering().subPath() : null;
    if (v != null) return v.text();
    String db = HostPaths.dbDataDir(s, m.target());
    if (db == null) return null;
    String sub = last(db);
    scope.defaulted(ctx, "volumeMounts[" + index + "].subPath", "the claim is " + s.name() + "'s database data directory: a"
        + " subdirectory keeps the volume's lost+found out of it, which initialisation would refuse (x-ferry mounts.\""
        + m.target() + "\".subPath: \"\" turns this off)");
    return sub;
  }

  private static String claimVolume(PodVolumes vols, Mount m, Storage.Claim c) {
    return vols.use("pvc:" + c.claimName(), c.claimName(), m.path(), n -> {
      // not through VolumeBuilder, whose construction alone copies every one of a Volume's ~30 sources
      Volume v = new Volume();
      v.setName(n);
      v.setPersistentVolumeClaim(new PersistentVolumeClaimVolumeSource(c.claimName(), null));
      return v;
    });
  }

  /** Service-level {@code tmpfs: [path[:opts]]} and {@code shm_size}: memory-backed emptyDirs. */
  private static void extras(TranslationContext ctx, Service s, PodVolumes vols, Scope scope, List<VolumeMount> out) {
    List<String> tmpfs = s.storage().tmpfs();
    for (int i = 0; i < tmpfs.size(); i++) {
      String t = tmpfs.get(i);
      String target = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
      String vol = vols.use("tmpfs:" + target, "tmpfs-" + last(target), s.path("tmpfs").index(i), n -> new VolumeBuilder().withName(n)
          .withNewEmptyDir().withMedium("Memory").endEmptyDir().build());
      out.add(new VolumeMountBuilder().withName(vol).withMountPath(target).build());
      scope.from(ctx, "volumeMounts[" + (out.size() - 1) + "]", s.path("tmpfs").index(i));
    }
    if (s.storage().shmSize() != null) {
      Long bytes = null;
      try {
        bytes = ByteSizes.parse(s.storage().shmSize());
      } catch (RuntimeException e) {
        bytes = null;
      }
      final Long size = bytes;
      String vol = vols.use("shm", "dshm", s.path("shm_size"), n -> new VolumeBuilder().withName(n).withNewEmptyDir().withMedium("Memory")
          .withSizeLimit(size == null || size <= 0 ? null : new Quantity(Quantities.memory(size))).endEmptyDir().build());
      out.add(new VolumeMountBuilder().withName(vol).withMountPath("/dev/shm").build());
      scope.from(ctx, "volumeMounts[" + (out.size() - 1) + "]", s.path("shm_size"),
          "shm_size: a memory-backed emptyDir at /dev/shm is how a Pod gets a bigger shared-memory segment");
    }
  }

  private static MountTarget volume(TranslationContext ctx, Service s, String podName, Mount m, Storage storage, PodVolumes vols) {
    if (m.isNamedVolume()) {
      Storage.Claim c = storage.claim(m.source());
      if (c == null && storage.ephemeral(m.source())) {
        ctx.report("anonymous-volume", Severity.INFO, m.path(), s.name(), "volume \"" + m.source() + "\" at " + m.target()
            + " becomes an emptyDir (--volumes emptydir): its data lasts as long as the Pod");
        return MountTarget.of(vols.use("vol:" + m.source(), m.source(), m.path(), n -> new VolumeBuilder().withName(n)
            .withNewEmptyDir().endEmptyDir().build()));
      }
      if (c == null) return null;
      if (c.template()) return MountTarget.claim(c.claimName());
      return MountTarget.claim(claimVolume(vols, m, c));
    }
    if (m.isAnonymousVolume()) {
      MountPlan.Decision d = storage.mounts().decision(m);
      Storage.Claim c = storage.claimFor(m);
      if (c != null) {
        ctx.report("anonymous-volume", Severity.INFO, m.path(), s.name(), "anonymous volume at " + m.target()
            + " becomes PersistentVolumeClaim " + c.claimName() + " (as steered): its data survives the Pod");
        return MountTarget.claim(claimVolume(vols, m, c));
      }
      if (d != null && d.kind() == MountPlan.Kind.NONE) {
        ctx.report("anonymous-volume", Severity.INFO, m.path(), s.name(), "anonymous volume at " + m.target()
            + " is not mounted (as steered): the image's own content stays");
        return null;
      }
      ctx.report("anonymous-volume", Severity.INFO, m.path(), s.name(),
          "anonymous volume at " + m.target() + " becomes an emptyDir: its data lasts as long as the Pod");
      return MountTarget.of(vols.use("anon:" + m.target(), "data-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewEmptyDir().endEmptyDir().build()));
    }
    if (m.isTmpfs()) {
      return MountTarget.of(vols.use("tmpfs:" + m.target(), "tmpfs-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewEmptyDir().withMedium("Memory")
          .withSizeLimit(m.tmpfsSize() == null ? null : new Quantity(Quantities.memory(m.tmpfsSize())))
          .endEmptyDir().build()));
    }
    if (m.isBind()) return BindMapper.bind(ctx, s, podName, m, storage, vols);
    if (m.type() == MountType.IMAGE) return MountTarget.of(ImageVolume.use(ctx, s, m, vols));
    if (RuntimeSockets.isRuntimeSocket(m)) return BindMapper.socket(ctx, s, m);
    ctx.report("not-translatable", Severity.WARNING, m.path(), s.name(),
        "volume of type " + m.type() + " at " + m.target() + " has no Kubernetes equivalent; it is not mounted");
    return null;
  }

  static String last(String target) {
    String t = target.replaceAll("/+$", "");
    int i = t.lastIndexOf('/');
    String n = i >= 0 ? t.substring(i + 1) : t;
    return n.isEmpty() ? "root" : n;
  }
}
