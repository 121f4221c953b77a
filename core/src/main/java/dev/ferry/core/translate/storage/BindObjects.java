package dev.ferry.core.translate.storage;

import dev.ferry.core.model.Mount;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.ByteBuffer;
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
 * The ConfigMap or Secret holding a copy of a bind-mounted file or small directory, and the Pod
 * volume that mounts it: a file is one key (mounted with subPath); a directory's nested files are
 * mounted at their relative paths through {@code items}. Executable files keep mode 0755.
 */
public final class BindObjects {
  /** What was emitted: the object name, the key of a single file (null for a directory), the volume to mount. */
  public record Copy(String name, String fileKey, boolean secret, int files) {}

  private BindObjects() {}

  public static Copy emit(TranslationContext ctx, String podName, Mount m, MountPlan.Decision d) {
    HostSnapshot snap = d.snapshot();
    boolean secret = d.kind() == MountPlan.Kind.SECRET;
    String kind = secret ? "Secret" : "ConfigMap";
    String name = ctx.claimName(kind, podName + "-" + HostPaths.last(m.target()));
    Map<String, String> keys = snap.keys();
    Map<String, String> text = new TreeMap<>();
    Map<String, String> binary = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : snap.files().entrySet()) {
      String t = text(e.getValue());
      if (t != null) text.put(keys.get(e.getKey()), t);
      else binary.put(keys.get(e.getKey()), Base64.getEncoder().encodeToString(e.getValue()));
    }
    if (secret) {
      SecretBuilder b = new SecretBuilder().withMetadata(ctx.meta(name, podName, null)).withType("Opaque");
      if (!text.isEmpty()) b.withStringData(text);
      if (!binary.isEmpty()) b.withData(binary);
      ctx.emit(b.build());
    } else {
      ConfigMapBuilder b = new ConfigMapBuilder().withMetadata(ctx.meta(name, podName, null));
      if (!text.isEmpty()) b.withData(text);
      if (!binary.isEmpty()) b.withBinaryData(binary);
      ctx.emit(b.build());
    }
    ctx.provenance().from(kind, name, "", m.path());
    ctx.provenance().from(kind, name, secret ? "stringData" : "data", m.path(), snap.kind() == HostSnapshot.Kind.FILE
        ? "a copy of the bind-mounted file: the cluster has no host directory"
        : "a copy of the bind-mounted directory's files: the cluster has no host directory");
    String fileKey = snap.kind() == HostSnapshot.Kind.FILE ? keys.values().iterator().next() : null;
    return new Copy(name, fileKey, secret, snap.files().size());
  }

  /** The Pod volume mounting {@code c}: items when a directory's keys are not its file names; mode 0755 when a file is executable. */
  public static Volume volume(String volName, Copy c, MountPlan.Decision d) {
    HostSnapshot snap = d.snapshot();
    List<KeyToPath> items = new ArrayList<>();
    boolean exec = false;
    Map<String, String> keys = snap.keys();
    for (String rel : snap.files().keySet()) {
      Path p = snap.kind() == HostSnapshot.Kind.FILE ? d.host() : d.host().resolve(rel);
      exec |= Files.isExecutable(p) && Files.isRegularFile(p);
      items.add(new KeyToPathBuilder().withKey(keys.get(rel)).withPath(rel).build());
    }
    boolean needItems = c.fileKey() == null && items.stream().anyMatch(i -> !i.getKey().equals(i.getPath()));
    Integer mode = exec ? 0755 : null;
    VolumeBuilder b = new VolumeBuilder().withName(volName);
    if (c.secret()) {
      b.withNewSecret().withSecretName(c.name()).withDefaultMode(mode).withItems(needItems ? items : null).endSecret();
    } else {
      b.withNewConfigMap().withName(c.name()).withDefaultMode(mode).withItems(needItems ? items : null).endConfigMap();
    }
    return b.build();
  }

  private static String text(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
