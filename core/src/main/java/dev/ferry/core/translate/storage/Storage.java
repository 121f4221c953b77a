package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.Volume;
import dev.ferry.core.model.units.ByteSizes;
import dev.ferry.core.model.units.Quantities;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Plan;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named volumes to PersistentVolumeClaims, one claim per volume. A volume used by several Pods (or
 * by a workload with more than one replica) needs ReadWriteMany, which not every storage class
 * offers: that is a finding ({@code shared-volume}). A volume used only by a StatefulSet becomes
 * its volumeClaimTemplate (one claim per replica). Size (default 1Gi), storage class and access
 * mode are steerable (x-ferry volumes.NAME.*, kompose.volume.* labels).
 */
public final class Storage {
  /** The default claim size when nothing says otherwise. */
  public static final String DEFAULT_SIZE = "1Gi";

  /** One named volume's claim: name, access mode, the PVC (null for an external volume). */
  public record Claim(String volume, String claimName, String accessMode, PersistentVolumeClaim pvc,
      boolean template) {}

  private final Map<String, Claim> claims = new LinkedHashMap<>();

  public Storage(TranslationContext ctx, Plan plan) {
    Project p = ctx.project();
    Map<String, Set<String>> users = new LinkedHashMap<>();
    Map<String, ModelPath> firstUse = new LinkedHashMap<>();
    for (Service s : p.services().values()) {
      for (Mount m : s.volumes()) {
        if (!m.isNamedVolume()) continue;
        users.computeIfAbsent(m.source(), k -> new LinkedHashSet<>()).add(plan.podOwner(s.name()));
        firstUse.putIfAbsent(m.source(), m.path());
      }
    }
    for (Map.Entry<String, Set<String>> e : users.entrySet()) {
      String vol = e.getKey();
      Volume v = p.volumes().get(vol);
      String owner = e.getValue().iterator().next();
      Service ownerSvc = p.service(owner);
      Steering st = plan.steering(owner);
      if (v != null && v.external()) {
        String claim = v.externalName() != null ? v.externalName() : vol;
        ctx.report("external-volume", Severity.INFO, ModelPath.of("volumes", vol), null,
            "volume \"" + vol + "\" is external: ferry emits no claim, and a PersistentVolumeClaim named \""
                + dev.ferry.core.translate.network.Naming.sanitize(claim) + "\" must exist in the namespace");
        claims.put(vol, new Claim(vol, dev.ferry.core.translate.network.Naming.sanitize(claim), null, null, false));
        continue;
      }
      boolean statefulOnly = e.getValue().size() == 1 && plan.kind(owner) == WorkloadKind.STATEFULSET;
      Integer replicas = ownerSvc.replicas();
      boolean shared = e.getValue().size() > 1
          || (!statefulOnly && replicas != null && replicas > 1 && plan.kind(owner) != WorkloadKind.DAEMONSET)
          || plan.kind(owner) == WorkloadKind.DAEMONSET;
      Steering.Value modeV = st.volume(vol, "accessMode");
      String mode = modeV != null ? modeV.text() : shared ? "ReadWriteMany" : "ReadWriteOnce";
      if (shared && modeV == null) {
        ctx.report("shared-volume", Severity.WARNING, firstUse.get(vol), owner,
            "volume \"" + vol + "\" is used by " + (e.getValue().size() > 1 ? "several Pods (" + String.join(", ", e.getValue()) + ")"
                : "more than one replica") + ": its claim asks for ReadWriteMany, which needs a storage class that"
                + " supports it (NFS, CephFS, EFS...); set x-ferry volumes." + vol + ".accessMode to choose");
      }
      Steering.Value sizeV = st.volume(vol, "size");
      Steering.Value classV = st.volume(vol, "storageClass");
      String size = sizeV != null ? quantity(sizeV.text()) : DEFAULT_SIZE;
      String claimName = statefulOnly ? dev.ferry.core.translate.network.Naming.sanitize(vol)
          : ctx.claimName("PersistentVolumeClaim", vol);
      PersistentVolumeClaimBuilder b = new PersistentVolumeClaimBuilder()
          .withMetadata(statefulOnly ? new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(claimName)
              .withLabels(ctx.labels(ctx.naming().of(owner), null)).build()
              : ctx.meta(claimName, ctx.naming().of(owner), null))
          .withNewSpec().withAccessModes(mode)
          .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources()
          .withStorageClassName(classV == null ? null : classV.text())
          .endSpec();
      PersistentVolumeClaim pvc = b.build();
      claims.put(vol, new Claim(vol, claimName, mode, pvc, statefulOnly));
      ModelPath src = v != null ? ModelPath.of("volumes", vol) : firstUse.get(vol);
      if (!statefulOnly) {
        ctx.emit(pvc);
        ctx.provenance().from("PersistentVolumeClaim", claimName, "", src);
        if (modeV != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.accessModes", modeV.path());
        else ctx.provenance().defaulted("PersistentVolumeClaim", claimName, "spec.accessModes", shared
            ? "the volume is shared by several Pods or replicas: ReadWriteMany (needs a storage class that offers it)"
            : "a single workload mounts the volume: ReadWriteOnce, which every storage class offers (one node at a"
            + " time may mount it; ReadWriteOncePod would limit it to one Pod)");
        if (classV != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.storageClassName", classV.path());
        if (sizeV != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.resources.requests.storage", sizeV.path());
        else ctx.provenance().defaulted("PersistentVolumeClaim", claimName, "spec.resources.requests.storage",
            "compose volumes have no size; ferry asks for " + DEFAULT_SIZE + " (steer with x-ferry volumes." + vol + ".size)");
      }
    }
  }

  public Claim claim(String volume) {
    return claims.get(volume);
  }

  /** Claims that are volumeClaimTemplates of {@code owner}'s StatefulSet. */
  public List<PersistentVolumeClaim> templatesOf(TranslationContext ctx, Project p, String owner, Plan plan) {
    List<PersistentVolumeClaim> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Service s : p.services().values()) {
      if (!plan.podOwner(s.name()).equals(owner)) continue;
      for (Mount m : s.volumes()) {
        Claim c = m.isNamedVolume() ? claims.get(m.source()) : null;
        if (c != null && c.template() && seen.add(c.claimName())) out.add(c.pvc());
      }
    }
    return out;
  }

  /** Whether {@code owner}'s Pod mounts a ReadWriteOnce claim (a Deployment then needs strategy Recreate). */
  public boolean usesReadWriteOnce(Project p, String owner, Plan plan) {
    for (Service s : p.services().values()) {
      if (!plan.podOwner(s.name()).equals(owner)) continue;
      for (Mount m : s.volumes()) {
        Claim c = m.isNamedVolume() ? claims.get(m.source()) : null;
        if (c != null && !c.template() && (c.accessMode() == null || c.accessMode().equals("ReadWriteOnce")
            || c.accessMode().equals("ReadWriteOncePod"))) return true;
      }
    }
    return false;
  }

  /** "10G" / "10gb" / "10Gi" to a Kubernetes quantity; already-valid quantities pass through. */
  static String quantity(String text) {
    String t = text.trim();
    if (t.matches("\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?")) return t;
    try {
      return Quantities.memory(ByteSizes.parse(t));
    } catch (RuntimeException e) {
      return DEFAULT_SIZE;
    }
  }
}
