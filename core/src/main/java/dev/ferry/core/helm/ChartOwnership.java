package dev.ferry.core.helm;

import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.model.Project;
import dev.ferry.core.provenance.Provenance;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.translate.PodTemplates;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Project-wide decisions for a chart, made once: which compose service owns each object (its
 * templates are switched off with {@code services.<svc>.enabled}), which objects of each kind the
 * chart itself renders (references to them follow {@code namePrefix} and {@code existingSecret}),
 * and which service's values hold the settings of a PersistentVolumeClaim (the first service, in
 * compose order, that mounts it; other services' mounts follow that setting).
 */
final class ChartOwnership {
  static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");
  /** Kinds owned by the service whose workload has their name. */
  private static final Set<String> OWNED_BY_NAME = Set.of("Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget");

  final Project project;
  final SourceMap sourceMap;
  final Translation translation;
  final String chartName;
  final String partOf;
  /** Compose service name → its workload object, in compose order (sidecars have none). */
  final Map<String, HasMetadata> workloads = new LinkedHashMap<>();
  /** Kubernetes object name of a workload → compose service name. */
  final Map<String, String> serviceByObjectName = new HashMap<>();
  /** By identity: a fabric8 object hashes its whole content. */
  private final Map<HasMetadata, String> owners = new IdentityHashMap<>();
  private final Map<String, Set<String>> names = new HashMap<>();
  /** PVC name → services whose Pods mount it (compose order); the first one holds its values. */
  final Map<String, List<String>> claimUsers = new LinkedHashMap<>();
  private Map<String, List<String>> claimsByOwner;
  /** kind/name → the first object of that kind and name. */
  private final Map<String, HasMetadata> byKindAndName = new HashMap<>();

  ChartOwnership(Project project, SourceMap sourceMap, Translation translation, String chartName) {
    this.project = project;
    this.sourceMap = sourceMap;
    this.translation = translation;
    this.chartName = chartName;
    this.partOf = TranslationContext.labelValue(project.name() == null ? "app" : project.name());
    Naming naming = Naming.of(project);
    for (HasMetadata o : translation.objects()) {
      names.computeIfAbsent(o.getKind(), k -> new HashSet<>()).add(o.getMetadata().getName());
    }
    Map<String, List<HasMetadata>> workloadsByName = new HashMap<>();
    for (HasMetadata o : translation.objects()) {
      if (WORKLOADS.contains(o.getKind())) workloadsByName.computeIfAbsent(o.getMetadata().getName(), k -> new ArrayList<>()).add(o);
      byKindAndName.putIfAbsent(o.getKind() + "/" + o.getMetadata().getName(), o);
    }
    for (String s : project.services().keySet()) {
      for (HasMetadata o : workloadsByName.getOrDefault(naming.of(s), List.of())) {
        workloads.put(s, o);
        serviceByObjectName.put(o.getMetadata().getName(), s);
        owners.put(o, s);
      }
    }
    Map<String, String> byName = new HashMap<>();
    workloads.forEach((s, w) -> byName.put(w.getMetadata().getName(), s));
    for (HasMetadata o : translation.objects()) {
      if (!owners.containsKey(o) && OWNED_BY_NAME.contains(o.getKind())
          && byName.containsKey(o.getMetadata().getName())) {
        owners.put(o, byName.get(o.getMetadata().getName()));
      }
      if (!owners.containsKey(o)) {
        String s = ownerOf(o);
        if (s != null) owners.put(o, s);
      }
    }
    for (Map.Entry<String, HasMetadata> w : workloads.entrySet()) {
      PodTemplateSpec t = PodTemplates.of(w.getValue());
      if (t == null || t.getSpec() == null || t.getSpec().getVolumes() == null) continue;
      for (Volume v : t.getSpec().getVolumes()) {
        String c = v.getPersistentVolumeClaim() == null ? null : v.getPersistentVolumeClaim().getClaimName();
        if (c != null && has("PersistentVolumeClaim", c)) {
          List<String> users = claimUsers.computeIfAbsent(c, k -> new ArrayList<>());
          // workloads in order: a service already listed is the last one (a list's contains was quadratic for a shared volume)
          if (users.isEmpty() || !users.get(users.size() - 1).equals(w.getKey())) users.add(w.getKey());
        }
      }
    }
  }

  private String ownerOf(HasMetadata o) {
    if (o.getKind().equals("PersistentVolumeClaim")) return null;
    for (Provenance.Link l : translation.provenance().of(o.getKind(), o.getMetadata().getName())) {
      ModelPath p = l.source();
      if (p == null || p.size() == 0) continue;
      if (p.size() >= 2 && "services".equals(p.get(0)) && workloads.containsKey(String.valueOf(p.get(1)))) {
        return String.valueOf(p.get(1));
      }
      return null; // from a top-level section (secrets, configs, volumes, networks): shared
    }
    Map<String, String> labels = o.getMetadata().getLabels();
    String n = labels == null ? null : labels.get(TranslationContext.NAME);
    return n == null ? null : serviceByObjectName.get(n);
  }

  /** The compose service whose values switch {@code o} on and off, or null for shared objects. */
  String owner(HasMetadata o) {
    return owners.get(o);
  }

  /** Whether the chart renders an object of this kind and name. */
  boolean has(String kind, String name) {
    return names.getOrDefault(kind, Set.of()).contains(name);
  }

  /** The service whose values hold a PVC's settings, or null when no Pod mounts it. */
  String claimOwner(String claim) {
    List<String> u = claimUsers.get(claim);
    return u == null || u.isEmpty() ? null : u.get(0);
  }

  /** The claims whose values {@code svc} holds, in {@link #claimUsers} order. */
  List<String> claimsOwnedBy(String svc) {
    if (claimsByOwner == null) {
      Map<String, List<String>> m = new HashMap<>();
      for (String claim : claimUsers.keySet()) {
        String owner = claimOwner(claim);
        if (owner != null) m.computeIfAbsent(owner, k -> new ArrayList<>()).add(claim);
      }
      claimsByOwner = m;
    }
    return claimsByOwner.getOrDefault(svc, List.of());
  }

  /** The first emitted object of this kind and name, or null. */
  HasMetadata find(String kind, String name) {
    return byKindAndName.get(kind + "/" + name);
  }

  String helper(String name) {
    return chartName + "." + name;
  }

}
