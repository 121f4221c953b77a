package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.FileRef;
import dev.ferry.core.model.Secret;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.knowledge.Naming;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level {@code configs} and {@code secrets}. Each definition becomes one ConfigMap / Secret
 * (from its file, inline content or environment variable; an external one is referenced, not
 * emitted), holding a single key named after the definition. A service's reference mounts that
 * key at its target with subPath: configs at {@code /<name>} unless a target is given, secrets at
 * {@code /run/secrets/<target>}. Secret values go only into Secret objects, never into a finding.
 */
public final class FileObjects {
  private final Map<String, String> configMaps = new LinkedHashMap<>();
  private final Map<String, String> secrets = new LinkedHashMap<>();

  public FileObjects(TranslationContext ctx) {
    for (Secret c : ctx.project().configs().values()) {
      ModelPath at = ModelPath.of("configs", c.name());
      if (c.external()) {
        configMaps.put(c.name(), Naming.sanitize(c.name()));
        ctx.report("external-config", Severity.INFO, at, null, "config \"" + c.name()
            + "\" is external: a ConfigMap named \"" + Naming.sanitize(c.name()) + "\" must exist in the namespace");
        continue;
      }
      String name = ctx.claimName("ConfigMap", c.name());
      configMaps.put(c.name(), name);
      if (c.value() == null) unreadable(ctx, at, "config", c);
      ctx.emit(new ConfigMapBuilder().withMetadata(ctx.meta(name, name, null))
          .withData(Map.of(key(c.name()), c.value() == null ? "" : c.value())).build());
      ctx.provenance().from("ConfigMap", name, "", at);
      ctx.provenance().from("ConfigMap", name, "data", at, "a config becomes a ConfigMap with one key, mounted as a file");
    }
    for (Secret s : ctx.project().secrets().values()) {
      ModelPath at = ModelPath.of("secrets", s.name());
      if (s.external()) {
        secrets.put(s.name(), Naming.sanitize(s.name()));
        ctx.report("external-secret", Severity.INFO, at, null, "secret \"" + s.name()
            + "\" is external: a Secret named \"" + Naming.sanitize(s.name()) + "\" must exist in the namespace");
        continue;
      }
      String name = ctx.claimName("Secret", s.name());
      secrets.put(s.name(), name);
      if (s.value() == null) unreadable(ctx, at, "secret", s);
      ctx.emit(new SecretBuilder().withMetadata(ctx.meta(name, name, null)).withType("Opaque")
          .withStringData(Map.of(key(s.name()), s.value() == null ? "" : s.value())).build());
      ctx.provenance().from("Secret", name, "", at);
      ctx.provenance().from("Secret", name, "stringData", at, "a secret becomes a Secret with one key, mounted under /run/secrets");
    }
  }

  private static void unreadable(TranslationContext ctx, ModelPath at, String what, Secret s) {
    String from = s.file() != null ? "file " + s.file() : s.environment() != null ? "variable " + s.environment() : "its source";
    ctx.report("file-missing", Severity.WARNING, at, null, what + " \"" + s.name() + "\" could not be read from "
        + from + ": its " + (what.equals("secret") ? "Secret" : "ConfigMap") + " is emitted empty; fill it before deploying");
  }

  /** Mounts of {@code s}'s configs and secrets. */
  public List<VolumeMount> mounts(TranslationContext ctx, Service s, PodVolumes vols, Scope scope, int offset) {
    List<VolumeMount> out = new ArrayList<>();
    for (FileRef r : s.storage().configs()) {
      String cm = configMaps.get(r.source());
      if (cm == null) continue;
      Integer mode = mode(ctx, s, r);
      String vol = vols.use("config:" + cm + ":" + mode, "config-" + cm, r.path(), n -> new VolumeBuilder().withName(n)
          .withNewConfigMap().withName(cm).withDefaultMode(mode).endConfigMap().build());
      String target = r.target() != null ? r.target() : "/" + r.source();
      out.add(new VolumeMountBuilder().withName(vol).withMountPath(target).withSubPath(key(r.source()))
          .withReadOnly(true).build());
      scope.from(ctx, "volumeMounts[" + (offset + out.size() - 1) + "]", r.path());
      owner(ctx, s, r);
    }
    for (FileRef r : s.storage().secrets()) {
      String sec = secrets.get(r.source());
      if (sec == null) continue;
      Integer mode = mode(ctx, s, r);
      String vol = vols.use("secret:" + sec + ":" + mode, "secret-" + sec, r.path(), n -> new VolumeBuilder().withName(n)
          .withNewSecret().withSecretName(sec).withDefaultMode(mode).endSecret().build());
      String t = r.target() != null ? r.target() : r.source();
      String target = t.startsWith("/") ? t : "/run/secrets/" + t;
      out.add(new VolumeMountBuilder().withName(vol).withMountPath(target).withSubPath(key(r.source()))
          .withReadOnly(true).build());
      scope.from(ctx, "volumeMounts[" + (offset + out.size() - 1) + "]", r.path());
      owner(ctx, s, r);
    }
    return out;
  }

  /** The file mode (read as compose reads it, octal 0440 = 288); Kubernetes takes only permission bits (at most 0777). */
  private static Integer mode(TranslationContext ctx, Service s, FileRef r) {
    if (r.mode() == null || r.mode() >= 0 && r.mode() <= 0777) return r.mode();
    ctx.report("not-translatable", Severity.WARNING, r.path().key("mode"), s.name(), "mode 0"
        + Integer.toOctalString(r.mode()) + " of " + r.source() + " has bits beyond the permissions (setuid, setgid,"
        + " sticky), which Kubernetes does not set; the default mode is used");
    return null;
  }

  private static void owner(TranslationContext ctx, Service s, FileRef r) {
    if (r.uid() != null || r.gid() != null) {
      ctx.report("not-translatable", Severity.INFO, r.path(), s.name(),
          "uid/gid of " + r.source() + " cannot be set per file on Kubernetes; use the Pod's fsGroup if the"
              + " container needs group access");
    }
  }

  /** The data key of a config or secret: its name, restricted to the characters keys allow. */
  static String key(String name) {
    String k = name.replaceAll("[^-._a-zA-Z0-9]", "_");
    return k.isEmpty() ? "value" : k;
  }
}
