package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The claims of bind mounts and anonymous volumes that {@link MountPlan} made PersistentVolumeClaims:
 * one claim per host source (shared, ReadWriteMany, when several Pods or replicas mount it: shared
 * stays shared), one per anonymous volume. Size, storage class and access mode come from the
 * mounts' steering.
 */
final class BindClaims {
  private final Map<ModelPath, Storage.Claim> byMount = new LinkedHashMap<>();

  BindClaims(TranslationContext ctx, WorkloadPlan plan, MountPlan mounts, Storage storage) {
    Map<String, List<Use>> groups = new LinkedHashMap<>();
    for (Service s : ctx.project().services().values()) {
      for (Mount m : s.storage().volumes()) {
        MountPlan.Decision d = mounts.decision(m);
        if (d == null || d.kind() != MountPlan.Kind.PVC || m.isNamedVolume()) continue;
        String key = m.isBind() ? "bind:" + d.host() : "anon:" + s.name() + ":" + m.target();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Use(s, m, d.steering()));
      }
    }
    for (Map.Entry<String, List<Use>> e : groups.entrySet()) {
      List<Use> uses = e.getValue();
      Use first = uses.get(0);
      Set<String> pods = new LinkedHashSet<>();
      boolean replicated = false;
      for (Use u : uses) {
        String owner = plan.podOwner(u.s.name());
        pods.add(owner);
        Integer r = ctx.project().service(owner).replicas();
        replicated |= r != null && r > 1 || plan.kind(owner) == WorkloadKind.DAEMONSET;
      }
      boolean shared = pods.size() > 1 || replicated;
      Steering.Value modeV = pick(uses, MountSteering::accessMode);
      String mode = modeV != null ? modeV.text().trim() : shared ? "ReadWriteMany" : "ReadWriteOnce";
      String owner = pods.iterator().next();
      String what = first.m.isBind() ? "bind mount " + first.m.source() : "anonymous volume at " + first.m.target();
      if (shared && modeV == null) {
        ctx.report("shared-volume", Severity.WARNING, first.m.path(), owner, what + " is used by "
            + (pods.size() > 1 ? "several Pods (" + String.join(", ", pods) + ")" : "more than one replica")
            + ": its one claim asks for ReadWriteMany, which needs a storage class that supports it (NFS, CephFS,"
            + " EFS...); set x-ferry mounts.\"" + first.m.target() + "\".accessMode to choose");
      }
      String base = first.m.isBind() ? HostPaths.last(first.m.source()) : first.s.name() + "-" + HostPaths.last(first.m.target());
      String claimName = ctx.claimName("PersistentVolumeClaim", base.isEmpty() ? "data" : base);
      Storage.Claim c = storage.claim(ctx, e.getKey(), claimName, owner, mode, modeV, pick(uses, MountSteering::size),
          pick(uses, MountSteering::storageClass), false, first.m.path(), shared
              ? "several Pods or replicas mount it: ReadWriteMany (needs a storage class that offers it)"
              : "one Pod mounts it: ReadWriteOnce, which every storage class offers",
          "compose gives a host directory no size; ferry asks for " + Storage.DEFAULT_SIZE + " (steer with x-ferry mounts.\""
              + first.m.target() + "\".size or kompose.volume.size)");
      for (Use u : uses) byMount.put(u.m.path(), c);
    }
  }

  Storage.Claim claim(Mount m) {
    return byMount.get(m.path());
  }

  private static Steering.Value pick(List<Use> uses, Function<MountSteering, Steering.Value> f) {
    for (Use u : uses) {
      Steering.Value v = f.apply(u.steering);
      if (v != null) return v;
    }
    return null;
  }

  private record Use(Service s, Mount m, MountSteering steering) {}
}
