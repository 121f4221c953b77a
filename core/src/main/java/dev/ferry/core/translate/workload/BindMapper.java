package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.storage.BindObjects;
import dev.ferry.core.translate.storage.BindRow;
import dev.ferry.core.translate.storage.HostSnapshot;
import dev.ferry.core.translate.storage.MountPlan.Decision;
import dev.ferry.core.translate.storage.MountPlan;
import dev.ferry.core.translate.storage.PodVolumes;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.Locale;

/**
 * One bind mount to its Pod volume, as {@link MountPlan} decided (docs/conversion.md's decision
 * table), with one finding that says what the container will see there and what differs from
 * compose: {@code bind-mount} (warning), or {@code bind-source-missing} (error) when a file the
 * program needs is not there to copy. The Docker socket is the {@code docker-socket-mount} finding's.
 */
final class BindMapper {
  private BindMapper() {}

  static MountTarget bind(TranslationContext ctx, Service s, String podName, Mount m, Storage storage, PodVolumes vols) {
    Decision d = storage.mounts().decision(m);
    String src = m.source();
    if (d.row() == BindRow.DOCKER_SOCKET) return socket(ctx, s, m);
    String steer = "x-ferry mounts.\"" + m.target() + "\".type";
    switch (d.kind()) {
      case CONFIG_MAP, SECRET -> {
        BindObjects.Copy c = BindObjects.emit(ctx, podName, m, d);
        String what = (c.secret() ? "Secret " : "ConfigMap ") + c.name();
        report(ctx, s, m, "becomes " + what + (c.fileKey() != null ? " (key " + c.fileKey() + ", mounted with subPath)"
            : " (" + c.files() + (c.files() == 1 ? " file" : " files, each") + " at its path)")
            + (c.secret() ? " because it looks secret" : "") + ": a read-only copy as it is now; changes on the host are"
            + " not seen, and writes fail" + skipped(d.snapshot()));
        String vol = vols.use((c.secret() ? "secret:" : "cm:") + c.name(), "cfg-" + MountMapper.last(m.target()), m.path(),
            n -> BindObjects.volume(n, c, d));
        return new MountTarget(vol, c.fileKey(), true, false);
      }
      case PVC -> {
        Storage.Claim c = storage.claimFor(m);
        boolean content = d.snapshot() != null && !d.snapshot().files().isEmpty()
            || d.snapshot() != null && d.snapshot().kind() == HostSnapshot.Kind.DIRECTORY && d.snapshot().overLimit() != null;
        report(ctx, s, m, "becomes PersistentVolumeClaim " + c.claimName() + " (" + c.accessMode() + "): its data survives"
            + " restarts and rollouts" + (content ? "; the claim starts empty: copy the content of " + src
                + " into it (kubectl cp) before the service needs it" : ""));
        return MountTarget.claim(vols.use("pvc:" + c.claimName(), c.claimName(), m.path(), n -> new VolumeBuilder().withName(n)
            .withNewPersistentVolumeClaim().withClaimName(c.claimName()).endPersistentVolumeClaim().build()));
      }
      case HOST_PATH -> {
        String host = d.host().toString();
        report(ctx, s, m, "becomes a hostPath volume: " + host + " must exist on every node that may run the Pod, and"
            + " Pod Security 'baseline' forbids hostPath");
        return MountTarget.of(vols.use("host:" + host, "host-" + MountMapper.last(m.target()), m.path(),
            n -> new VolumeBuilder().withName(n).withNewHostPath().withPath(host).endHostPath().build()));
      }
      case EMPTY_DIR -> {
        report(ctx, s, m, d.row() == BindRow.EMPTY_READ_ONLY
            ? "becomes a read-only emptyDir: the source is missing or empty, so under compose the container sees an"
                + " empty directory too"
            : "becomes an emptyDir" + (d.row() == BindRow.STEERED ? " (as steered)" : " (--bind-mounts=emptydir)")
                + ": the container starts with an empty directory there, not the host's " + src);
        return MountTarget.of(vols.use("bind:" + d.host(), "bind-" + MountMapper.last(m.target()), m.path(),
            n -> new VolumeBuilder().withName(n).withNewEmptyDir().endEmptyDir().build()));
      }
      default -> {
        notMounted(ctx, s, m, d, steer);
        return null;
      }
    }
  }

  private static void notMounted(TranslationContext ctx, Service s, Mount m, Decision d, String steer) {
    String src = m.source();
    switch (d.row()) {
      case MISSING_FILE -> ctx.report("bind-source-missing", Severity.ERROR, m.path(), s.name(), "bind mount " + src + ":"
          + m.target() + ": " + src + " does not exist, and " + m.target() + " is a file: it is not mounted, so the"
          + " image's own file (if any) stays; create " + src + " and convert again (an empty directory or file there"
          + " would break the program or change its configuration)");
      case SYSTEM_PATH -> report(ctx, s, m, "is not mounted: " + src + " is the host's own system, which a Pod sees only"
          + " through a hostPath volume (--bind-mounts hostpath, or " + steer + ": hostPath) that needs a privileged Pod");
      case OUTSIDE_PROJECT -> report(ctx, s, m, "is not mounted: " + src + " is outside the project directory, and ferry"
          + " copies only the project's files (a host file may be the converting machine's own); put it in the project,"
          + " or steer the mount (" + steer + ")");
      case FILE_TOO_BIG -> report(ctx, s, m, "is not mounted: the file is too big for a ConfigMap ("
          + d.snapshot().overLimit() + "); the image's own file stays: bake it into the image");
      case CONFIG_DIR_TOO_BIG -> report(ctx, s, m, "is not mounted: the directory is too big for a ConfigMap ("
          + d.snapshot().overLimit() + "); the image's own content stays: bake it into the image, or steer it to a pvc ("
          + steer + ") and copy it in");
      case CODE -> report(ctx, s, m, "is not mounted: it mounts the project's sources over the code of an image built"
          + " from them (a development mount); the image's copy is used, so rebuild the image to change the code");
      case STEERED -> report(ctx, s, m, "is not mounted" + (d.steering().type() == MountPlan.Kind.NONE ? " (as steered)"
          : ": it is steered to a " + d.steering().type().name().toLowerCase(Locale.ROOT).replace("_", "")
              + ", but " + src + " is missing or too big to copy") + "; the image's own content stays");
      default -> report(ctx, s, m, "is not mounted (--bind-mounts=" + ctx.options().bindMounts().name().toLowerCase(
          Locale.ROOT) + ")" + (d.row() == BindRow.FLAG && ctx.options().bindMounts().name().equals("EMPTYDIR")
              ? ": an emptyDir cannot stand for a file, so the image's own file stays" : ""));
    }
  }

  private static String skipped(HostSnapshot snap) {
    if (snap == null || snap.skipped().isEmpty()) return "";
    return "; not copied (not regular files): " + String.join(", ", snap.skipped());
  }

  private static void report(TranslationContext ctx, Service s, Mount m, String what) {
    ctx.report("bind-mount", Severity.WARNING, m.path(), s.name(), "bind mount " + m.source() + ":" + m.target() + " " + what);
  }

  /** A runtime socket (a bind mount, or the Windows Docker pipe) is never mounted: the finding says why. */
  static MountTarget socket(TranslationContext ctx, Service s, Mount m) {
    ctx.report("docker-socket-mount", Severity.ERROR, m.path(), s.name(),
        "the Docker socket (" + m.source() + ") is not mounted: there is no Docker daemon on a Kubernetes node to talk"
            + " to, and mounting the node's container runtime socket gives root on the node");
    return null;
  }
}
