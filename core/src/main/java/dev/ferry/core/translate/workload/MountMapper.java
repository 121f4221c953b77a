package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Quantities;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslateOptions.BindMounts;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code volumes} of a service to volumeMounts and Pod volumes. Named volume → its claim;
 * anonymous volume → emptyDir; tmpfs → emptyDir in memory with sizeLimit; bind mount → by
 * {@code --bind-mounts}: auto (default: an existing file of at most 256 KiB becomes a ConfigMap
 * mounted with subPath, anything else an emptyDir), emptydir, hostpath, configmap, or skip; every
 * bind mount is a finding, because host paths do not exist in a cluster. The Docker socket is
 * never mounted.
 */
public final class MountMapper {
  /** Largest bind-mounted file turned into a ConfigMap (ConfigMaps hold at most 1 MiB in all). */
  static final long MAX_CONFIG_FILE = 256 * 1024;

  private MountMapper() {}

  public static List<VolumeMount> map(TranslationContext ctx, Service s, String podName, Storage storage,
      PodVolumes vols, Scope scope) {
    List<VolumeMount> out = new ArrayList<>();
    for (Mount m : s.volumes()) {
      Target t = volume(ctx, s, podName, m, storage, vols);
      if (t == null) continue;
      VolumeMountBuilder b = new VolumeMountBuilder().withName(t.volume()).withMountPath(m.target());
      if (m.readOnly() || t.configMap() || "image".equals(m.type())) b.withReadOnly(true);
      if (m.subpath() != null && !m.subpath().isEmpty()) b.withSubPath(m.subpath());
      if (t.subPath() != null) b.withSubPath(t.subPath());
      scope.from(ctx, "volumeMounts[" + out.size() + "]", m.path());
      out.add(b.build());
    }
    extras(ctx, s, vols, scope, out);
    return out;
  }

  /** Service-level {@code tmpfs: [path[:opts]]} and {@code shm_size}: memory-backed emptyDirs. */
  private static void extras(TranslationContext ctx, Service s, PodVolumes vols, Scope scope, List<VolumeMount> out) {
    if (s.node().get("tmpfs") instanceof dev.ferry.core.tree.SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        if (!(seq.get(i) instanceof dev.ferry.core.tree.ScalarNode sc)) continue;
        String target = sc.text().contains(":") ? sc.text().substring(0, sc.text().indexOf(':')) : sc.text();
        String vol = vols.use("tmpfs:" + target, "tmpfs-" + last(target), s.path("tmpfs").index(i), n -> new VolumeBuilder().withName(n)
            .withNewEmptyDir().withMedium("Memory").endEmptyDir().build());
        out.add(new VolumeMountBuilder().withName(vol).withMountPath(target).build());
        scope.from(ctx, "volumeMounts[" + (out.size() - 1) + "]", s.path("tmpfs").index(i));
      }
    }
    if (s.node().get("shm_size") instanceof dev.ferry.core.tree.ScalarNode shm) {
      Long bytes = null;
      try {
        bytes = dev.ferry.core.model.units.ByteSizes.parse(shm.text());
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

  /** The Pod volume a mount uses, and the subPath when it mounts one key of a ConfigMap. */
  private record Target(String volume, String subPath, boolean configMap) {
    static Target of(String volume) {
      return volume == null ? null : new Target(volume, null, false);
    }
  }

  private static Target volume(TranslationContext ctx, Service s, String podName, Mount m, Storage storage, PodVolumes vols) {
    if (m.isNamedVolume()) {
      Storage.Claim c = storage.claim(m.source());
      if (c == null) return null;
      if (c.template()) return new Target(c.claimName(), null, false);
      return Target.of(vols.use("pvc:" + c.claimName(), c.claimName(), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewPersistentVolumeClaim().withClaimName(c.claimName()).endPersistentVolumeClaim().build()));
    }
    if (m.isAnonymousVolume()) {
      ctx.report("anonymous-volume", Severity.INFO, m.path(), s.name(),
          "anonymous volume at " + m.target() + " becomes an emptyDir: its data lasts as long as the Pod");
      return Target.of(vols.use("anon:" + m.target(), "data-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewEmptyDir().endEmptyDir().build()));
    }
    if (m.isTmpfs()) {
      return Target.of(vols.use("tmpfs:" + m.target(), "tmpfs-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewEmptyDir().withMedium("Memory")
          .withSizeLimit(m.tmpfsSize() == null ? null : new Quantity(Quantities.memory(m.tmpfsSize())))
          .endEmptyDir().build()));
    }
    if (m.isBind()) return bind(ctx, s, podName, m, vols);
    if ("image".equals(m.type())) return Target.of(ImageVolume.use(ctx, s, m, vols));
    ctx.report("not-translatable", Severity.WARNING, m.path(), s.name(),
        "volume of type " + m.type() + " at " + m.target() + " has no Kubernetes equivalent; it is not mounted");
    return null;
  }

  private static Target bind(TranslationContext ctx, Service s, String podName, Mount m, PodVolumes vols) {
    String src = m.source() == null ? "" : m.source();
    if (src.endsWith("docker.sock") || src.endsWith("docker.sock/")) {
      ctx.report("docker-socket-mount", Severity.ERROR, m.path(), s.name(),
          "the Docker socket (" + src + ") is not mounted: there is no Docker daemon on a Kubernetes node to talk"
              + " to, and mounting the node's container runtime socket gives root on the node");
      return null;
    }
    BindMounts mode = ctx.options().bindMounts();
    Path host = resolve(ctx, src);
    if (mode == BindMounts.SKIP) {
      report(ctx, s, m, "is not mounted (--bind-mounts=skip)");
      return null;
    }
    if (mode == BindMounts.HOSTPATH) {
      report(ctx, s, m, "becomes a hostPath volume: " + host + " must exist on every node that may run the Pod");
      return Target.of(vols.use("host:" + host, "host-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
          .withNewHostPath().withPath(host.toString()).endHostPath().build()));
    }
    if (mode == BindMounts.CONFIGMAP || mode == BindMounts.AUTO) {
      String[] cm = configMap(ctx, podName, m, host, mode == BindMounts.CONFIGMAP);
      if (cm != null) {
        String cmName = cm[0];
        String key = cm[1];
        report(ctx, s, m, "becomes ConfigMap " + cmName + (key.isEmpty() ? "" : " (key " + key + ")")
            + ", a read-only copy of the file as it is now: changes on the host are not seen, and writes fail");
        String vol = vols.use("cm:" + cmName, "cfg-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
            .withNewConfigMap().withName(cmName).endConfigMap().build());
        return new Target(vol, key.isEmpty() ? null : key, true);
      }
    }
    report(ctx, s, m, "becomes an emptyDir: the container starts with an empty directory there, not the host's "
        + src + " (--bind-mounts=configmap or hostpath to choose otherwise)");
    return Target.of(vols.use("bind:" + host, "bind-" + last(m.target()), m.path(), n -> new VolumeBuilder().withName(n)
        .withNewEmptyDir().endEmptyDir().build()));
  }

  /** A ConfigMap holding the bind-mounted file (or a small directory): {name, key ("" for a directory)}; null when not possible. */
  private static String[] configMap(TranslationContext ctx, String podName, Mount m, Path host, boolean dirs) {
    try {
      Map<String, byte[]> files = new TreeMap<>();
      String key = "";
      if (secretLooking(host)) return null; // never a secret in a ConfigMap
      if (Files.isRegularFile(host) && Files.size(host) <= MAX_CONFIG_FILE) {
        key = configMapKey(host.getFileName().toString());
        files.put(key, Files.readAllBytes(host));
      } else if (dirs && Files.isDirectory(host)) {
        long total = 0;
        try (var st = Files.list(host)) {
          for (Path f : st.sorted().toList()) {
            if (!Files.isRegularFile(f)) continue;
            total += Files.size(f);
            if (total > MAX_CONFIG_FILE || files.size() >= 64) return null;
            files.put(configMapKey(f.getFileName().toString()), Files.readAllBytes(f));
          }
        }
        if (files.isEmpty()) return null;
      } else {
        return null;
      }
      String name = ctx.claimName("ConfigMap", podName + "-" + last(m.target()));
      ConfigMapBuilder b = new ConfigMapBuilder().withMetadata(ctx.meta(name, podName, null));
      Map<String, String> data = new TreeMap<>();
      Map<String, String> binary = new TreeMap<>();
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        String text = text(e.getValue());
        if (text != null) data.put(e.getKey(), text);
        else binary.put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue()));
      }
      if (!data.isEmpty()) b.withData(data);
      if (!binary.isEmpty()) b.withBinaryData(binary);
      ctx.emit(b.build());
      ctx.provenance().from("ConfigMap", name, "", m.path());
      ctx.provenance().from("ConfigMap", name, "data", m.path(), "a copy of the bind-mounted file: the cluster has no host directory");
      return new String[] {name, key};
    } catch (IOException e) {
      return null;
    }
  }

  /** A file or directory whose name says it holds a secret (password, token, key material). */
  static boolean secretLooking(Path p) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (n.matches(".*\\.(pem|key|p12|pfx|jks|keystore|crt|der)$") || n.startsWith("id_rsa") || n.startsWith("id_ed25519")) return true;
    String words = n.replaceAll("\\.[a-z0-9]+$", "");
    return SecretNames.isSecretName(words) || words.contains("secret") || words.contains("password") || words.contains("token");
  }

  private static String text(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String configMapKey(String file) {
    String k = file.replaceAll("[^-._a-zA-Z0-9]", "_");
    return k.isEmpty() || k.equals(".") || k.equals("..") ? "file" : k;
  }

  private static void report(TranslationContext ctx, Service s, Mount m, String what) {
    ctx.report("bind-mount", Severity.WARNING, m.path(), s.name(),
        "bind mount " + m.source() + ":" + m.target() + " " + what);
  }

  static Path resolve(TranslationContext ctx, String src) {
    String wd = ctx.project().workingDir() == null ? "." : ctx.project().workingDir();
    String home = System.getProperty("user.home");
    String p = src.startsWith("~/") ? home + src.substring(1) : src;
    return Path.of(wd).resolve(p).normalize().toAbsolutePath();
  }

  static String last(String target) {
    String t = target.replaceAll("/+$", "");
    int i = t.lastIndexOf('/');
    String n = i >= 0 ? t.substring(i + 1) : t;
    return n.isEmpty() ? "root" : n;
  }
}
