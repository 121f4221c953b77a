package dev.ferry.core.translate;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.ServiceNetwork;
import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The project-wide decisions every mapper reads, made once before any object is built: which Pod
 * each service's container lives in (sidecars), each service's workload kind, and the ports of
 * each Pod's Service (declared or inferred). Keeping them here keeps the mappers independent.
 */
public final class WorkloadPlan {
  private final Map<String, WorkloadKind> kinds = new LinkedHashMap<>();
  private final Map<String, String> podOwner = new LinkedHashMap<>();
  private final Map<String, List<String>> sidecars = new LinkedHashMap<>();
  private final Map<String, List<PortSpec>> ports = new LinkedHashMap<>();
  private final Map<String, Steering> steering = new LinkedHashMap<>();
  private final Map<String, List<Service>> members = new LinkedHashMap<>();
  /** Services another service waits for with service_completed_successfully. */
  private final Set<String> awaitedToComplete = new HashSet<>();

  public WorkloadPlan(TranslationContext ctx) {
    Project p = ctx.project();
    for (Service s : p.services().values()) steering.put(s.name(), new Steering(s, p.steering()));
    for (Service s : p.services().values()) podOwner.put(s.name(), owner(p, s));
    for (Service s : p.services().values()) {
      String o = podOwner.get(s.name());
      if (!o.equals(s.name())) sidecars.computeIfAbsent(o, k -> new ArrayList<>()).add(s.name());
      members.computeIfAbsent(o, k -> new ArrayList<>()).add(s);
    }
    for (Service s : p.services().values()) {
      for (DependsOn d : s.health().dependsOn().values()) {
        if (DependsOn.COMPLETED.equals(d.condition())) awaitedToComplete.add(d.service());
      }
    }
    for (Service s : p.services().values()) kinds.put(s.name(), kind(ctx, s));
  }

  /** A {@code provider} service: an external resource, nothing of it runs on the cluster. */
  public static boolean isProvider(Service s) {
    return s.identity().providerType() != null;
  }

  /** The service whose Pod holds {@code s}'s container (itself unless network_mode: service:X). */
  private static String owner(Project p, Service s) {
    Set<String> seen = new LinkedHashSet<>();
    Service cur = s;
    while (cur.networkService() != null && seen.add(cur.name())) {
      Service next = p.service(cur.networkService());
      if (next == null) break;
      cur = next;
    }
    return cur.name();
  }

  private WorkloadKind kind(TranslationContext ctx, Service s) {
    if (!podOwner.get(s.name()).equals(s.name())) return WorkloadKind.SIDECAR;
    if (isProvider(s)) return WorkloadKind.PROVIDER;
    Steering st = steering.get(s.name());
    String k = st.lower("kind", null);
    if (k != null) {
      switch (k) {
        case "deployment": return WorkloadKind.DEPLOYMENT;
        case "statefulset": return WorkloadKind.STATEFULSET;
        case "daemonset": return WorkloadKind.DAEMONSET;
        case "job": return WorkloadKind.JOB;
        case "cronjob": return WorkloadKind.CRONJOB;
        default:
          ctx.report("steering-invalid", Severity.WARNING, st.get("kind").path(), s.name(),
              "unknown workload kind '" + k + "' (expected deployment, statefulset, daemonset, job or cronjob);"
                  + " using the default");
      }
    }
    if (st.get("schedule") != null) return WorkloadKind.CRONJOB;
    String mode = s.deployment().deploy().mode();
    if ("global".equals(mode)) return WorkloadKind.DAEMONSET;
    if ("replicated-job".equals(mode) || "global-job".equals(mode)) return WorkloadKind.JOB;
    if (runsToCompletion(s)) return WorkloadKind.JOB;
    return WorkloadKind.DEPLOYMENT;
  }

  /** {@code restart: "no"} (or absent) and another service waits for it to complete successfully. */
  private boolean runsToCompletion(Service s) {
    boolean noRestart = s.deployment().restartPolicy() == null || s.deployment().restartPolicy().stopsOnSuccess();
    return noRestart && !s.deployment().deploy().isGlobal() && awaitedToComplete.contains(s.name());
  }

  public WorkloadKind kind(String service) {
    return kinds.get(service);
  }

  public String podOwner(String service) {
    return podOwner.get(service);
  }

  /** Services whose containers join {@code owner}'s Pod, in source order. */
  public List<String> sidecarsOf(String owner) {
    return sidecars.getOrDefault(owner, List.of());
  }

  /** The services whose containers are in {@code owner}'s Pod (itself included), in source order. */
  public List<Service> podMembers(String owner) {
    return members.getOrDefault(owner, List.of());
  }

  public Steering steering(String service) {
    return steering.get(service);
  }

  /** The ports of the Service for {@code owner}'s Pod (empty: no Service). */
  public List<PortSpec> ports(String owner) {
    return ports.getOrDefault(owner, List.of());
  }

  public void setPorts(String owner, List<PortSpec> p) {
    ports.put(owner, List.copyOf(p));
  }

  /** Network aliases and link aliases that name {@code s} (lower-cased), other than its own name. */
  public static Set<String> aliases(Project p, Service s) {
    return aliasSources(p, s).keySet();
  }

  /**
   * The other names {@code s} is reached by (lower-cased, in order): its network aliases, the
   * aliases other services give it in {@code links} and its {@code container_name}, each with the
   * item that declares it.
   */
  public static Map<String, ModelPath> aliasSources(Project p, Service s) {
    Map<String, ModelPath> out = new LinkedHashMap<>();
    for (ServiceNetwork n : s.networking().networks().values()) {
      for (int i = 0; i < n.aliases().size(); i++) {
        out.putIfAbsent(n.aliases().get(i).toLowerCase(Locale.ROOT), s.path("networks").key(n.name()).key("aliases").index(i));
      }
    }
    for (Map.Entry<String, ModelPath> l : LinkAliases.of(p).getOrDefault(s.name(), List.of())) {
      out.putIfAbsent(l.getKey(), l.getValue());
    }
    // compose also resolves a container_name on the project network
    if (s.identity().containerName() != null) out.putIfAbsent(s.identity().containerName().toLowerCase(Locale.ROOT), s.path("container_name"));
    out.remove(s.name().toLowerCase(Locale.ROOT));
    return out;
  }

  /**
   * The aliases {@code links} items give each service ({@code other:alias}), by the linked
   * service's name, in source order; built once per project (identity) so that asking for every
   * service's aliases stays linear in the number of services.
   */
  private record LinkAliases(Project project, Map<String, List<Map.Entry<String, ModelPath>>> byTarget) {
    private static volatile LinkAliases last;

    static Map<String, List<Map.Entry<String, ModelPath>>> of(Project p) {
      LinkAliases l = last;
      if (l == null || l.project != p) {
        Map<String, List<Map.Entry<String, ModelPath>>> by = new LinkedHashMap<>();
        for (Service other : p.services().values()) {
          for (int i = 0; i < other.networking().links().size(); i++) {
            String link = other.networking().links().get(i);
            int c = link.indexOf(':');
            if (c > 0) {
              by.computeIfAbsent(link.substring(0, c), k -> new ArrayList<>())
                  .add(Map.entry(link.substring(c + 1).toLowerCase(Locale.ROOT), other.path("links").index(i)));
            }
          }
        }
        l = new LinkAliases(p, by);
        last = l;
      }
      return l.byTarget;
    }
  }
}
