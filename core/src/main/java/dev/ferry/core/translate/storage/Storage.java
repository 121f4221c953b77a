package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.Volume;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
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
  private final Set<String> ephemeral = new LinkedHashSet<>();
  private final MountPlan mounts;
  private final BindClaims binds;

  public Storage(TranslationContext ctx, WorkloadPlan plan) {
    Project p = ctx.project();
    mounts = new MountPlan(ctx, plan);
    Map<String, Set<String>> users = new LinkedHashMap<>();
    Map<String, ModelPath> firstUse = new LinkedHashMap<>();
    for (Service s : p.services().values()) {
      for (Mount m : s.storage().volumes()) {
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
                + Naming.sanitize(claim) + "\" must exist in the namespace");
        claims.put(vol, new Claim(vol, Naming.sanitize(claim), null, null, false));
        continue;
      }
      if (ctx.options().volumes() == TranslateOptions.Volumes.EMPTYDIR) {
        ephemeral.add(vol);
        if (e.getValue().size() > 1) {
          ctx.report("shared-volume", Severity.WARNING, firstUse.get(vol), owner, "volume \"" + vol + "\" becomes an"
              + " emptyDir in each Pod (--volumes emptydir): " + String.join(", ", e.getValue()) + " no longer share it");
        }
        continue;
      }
      boolean statefulOnly = e.getValue().size() == 1 && plan.kind(owner) == WorkloadKind.STATEFULSET;
      Integer replicas = ownerSvc.replicas();
      boolean shared = e.getValue().size() > 1
          || (!statefulOnly && replicas != null && replicas > 1 && plan.kind(owner) != WorkloadKind.DAEMONSET)
          || plan.kind(owner) == WorkloadKind.DAEMONSET;
      Steering.Value modeV = st.volume(vol, "accessMode");
      if (modeV != null && !MountSteering.ACCESS_MODES.contains(modeV.text().trim())) {
        ctx.report("steering-invalid", Severity.WARNING, modeV.path(), owner, "access mode \"" + modeV.text()
            + "\" is not one of " + String.join(", ", MountSteering.ACCESS_MODES));
        modeV = null;
      }
      String mode = modeV != null ? modeV.text() : shared ? "ReadWriteMany" : "ReadWriteOnce";
      if (shared && modeV == null) {
        ctx.report("shared-volume", Severity.WARNING, firstUse.get(vol), owner,
            "volume \"" + vol + "\" is used by " + (e.getValue().size() > 1 ? "several Pods (" + String.join(", ", e.getValue()) + ")"
                : "more than one replica") + ": its claim asks for ReadWriteMany, which needs a storage class that"
                + " supports it (NFS, CephFS, EFS...); set x-ferry volumes." + vol + ".accessMode to choose");
      }
      Steering.Value sizeV = ClaimSize.valid(ctx, owner, st.volume(vol, "size"));
      Steering.Value classV = st.volume(vol, "storageClass");
      String claimName = statefulOnly ? Naming.sanitize(vol)
          : ctx.claimName("PersistentVolumeClaim", vol);
      ModelPath src = v != null ? ModelPath.of("volumes", vol) : firstUse.get(vol);
      claims.put(vol, claim(ctx, vol, claimName, owner, mode, modeV, sizeV, classV, statefulOnly, src, shared
          ? "the volume is shared by several Pods or replicas: ReadWriteMany (needs a storage class that offers it)"
          : "a single workload mounts the volume: ReadWriteOnce, which every storage class offers (one node at a"
          + " time may mount it; ReadWriteOncePod would limit it to one Pod)",
          "compose volumes have no size; ferry asks for " + DEFAULT_SIZE + " (steer with x-ferry volumes." + vol + ".size)"));
    }
    binds = new BindClaims(ctx, plan, mounts, this);
  }

  /** Builds (and unless it is a StatefulSet template, emits) one claim, with its provenance. */
  Claim claim(TranslationContext ctx, String key, String claimName, String owner, String mode, Steering.Value modeV,
      Steering.Value sizeV, Steering.Value classV, boolean template, ModelPath src, String modeWhy, String sizeWhy) {
    String size = sizeV != null ? ClaimSize.quantity(sizeV.text()) : DEFAULT_SIZE;
    String cls = classV == null || classV.text().isEmpty() ? null : classV.text();
    PersistentVolumeClaim pvc = new PersistentVolumeClaimBuilder()
        .withMetadata(template ? new ObjectMetaBuilder().withName(claimName)
            .withLabels(ctx.labels(ctx.naming().of(owner), null)).build()
            : ctx.meta(claimName, ctx.naming().of(owner), null))
        .withNewSpec().withAccessModes(mode)
        .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources()
        .withStorageClassName(cls)
        .endSpec().build();
    if (!template) {
      ctx.emit(pvc);
      ctx.provenance().from("PersistentVolumeClaim", claimName, "", src);
      if (modeV != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.accessModes", modeV.path());
      else ctx.provenance().defaulted("PersistentVolumeClaim", claimName, "spec.accessModes", modeWhy);
      if (cls != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.storageClassName", classV.path());
      if (sizeV != null) ctx.provenance().from("PersistentVolumeClaim", claimName, "spec.resources.requests.storage", sizeV.path());
      else ctx.provenance().defaulted("PersistentVolumeClaim", claimName, "spec.resources.requests.storage", sizeWhy);
    }
    return new Claim(key, claimName, mode, pvc, template);
  }

  /** The claim {@code m} mounts: its named volume's, or the claim a bind mount or anonymous volume became; null if none. */
  public Claim claimFor(Mount m) {
    if (m.isNamedVolume()) return claims.get(m.source());
    return binds.claim(m);
  }

  /** Where each bind mount and anonymous volume goes. */
  public MountPlan mounts() {
    return mounts;
  }

  /** Whether named volume {@code volume} is an emptyDir in each Pod (--volumes emptydir). */
  public boolean ephemeral(String volume) {
    return ephemeral.contains(volume);
  }

  public Claim claim(String volume) {
    return claims.get(volume);
  }

  /** Claims that are volumeClaimTemplates of {@code owner}'s StatefulSet. */
  public List<PersistentVolumeClaim> templatesOf(TranslationContext ctx, Project p, String owner, WorkloadPlan plan) {
    List<PersistentVolumeClaim> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Service s : plan.podMembers(owner)) {
      for (Mount m : s.storage().volumes()) {
        Claim c = claimFor(m);
        if (c != null && c.template() && seen.add(c.claimName())) out.add(c.pvc());
      }
    }
    return out;
  }

  /** Whether {@code owner}'s Pod mounts a ReadWriteOnce claim (a Deployment then needs strategy Recreate). */
  public boolean usesReadWriteOnce(Project p, String owner, WorkloadPlan plan) {
    for (Service s : plan.podMembers(owner)) {
      for (Mount m : s.storage().volumes()) {
        Claim c = claimFor(m);
        if (c != null && !c.template() && (c.accessMode() == null || c.accessMode().equals("ReadWriteOnce")
            || c.accessMode().equals("ReadWriteOncePod"))) return true;
      }
    }
    return false;
  }
}
