package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Resources;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Quantities;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container's resources: compose reservations → requests, limits → limits, and where each quantity came from. */
final class ContainerResources {
  private ContainerResources() {}

  /** Reservations → requests, limits → limits (cores → millicores, bytes → binary suffixes). */
  static ResourceRequirements of(Service s) {
    Resources r = s.resources();
    if (r == null || r.isEmpty()) return null;
    Map<String, Quantity> req = new LinkedHashMap<>();
    Map<String, Quantity> lim = new LinkedHashMap<>();
    if (r.cpuReservation() != null && r.cpuReservation() > 0) req.put("cpu", new Quantity(Quantities.cpu(r.cpuReservation())));
    if (r.memoryReservation() != null && r.memoryReservation() > 0) req.put("memory", new Quantity(Quantities.memory(r.memoryReservation())));
    if (r.cpuLimit() != null && r.cpuLimit() > 0) lim.put("cpu", new Quantity(Quantities.cpu(r.cpuLimit())));
    if (r.memoryLimit() != null && r.memoryLimit() > 0) lim.put("memory", new Quantity(Quantities.memory(r.memoryLimit())));
    if (req.isEmpty() && lim.isEmpty()) return null;
    ResourceRequirements res = new ResourceRequirements(); // not through a builder, which copies every map
    res.setRequests(req.isEmpty() ? null : req);
    res.setLimits(lim.isEmpty() ? null : lim);
    return res;
  }

  /** Where each resource quantity came from: deploy.resources.{limits,reservations}, or the legacy keys. */
  static void provenance(TranslationContext ctx, Service s, ResourceRequirements res, Scope scope) {
    ModelPath r = s.path("deploy").key("resources");
    String[][] fields = {
        {"limits", "cpu", "limits", "cpus", "cpus"}, {"limits", "memory", "limits", "memory", "mem_limit"},
        {"requests", "cpu", "reservations", "cpus", "cpus"}, {"requests", "memory", "reservations", "memory", "mem_reservation"}};
    for (String[] f : fields) {
      Map<String, Quantity> m = f[0].equals("limits") ? res.getLimits() : res.getRequests();
      if (m == null || !m.containsKey(f[1])) continue;
      ModelPath deploy = r.key(f[2]).key(f[3]);
      ModelPath at = ctx.sourceMap().has(deploy) ? deploy : s.has(f[4]) ? s.path(f[4]) : r;
      scope.from(ctx, f[0] + "." + f[1], at, f[0].equals("requests") ? "a reservation is what the scheduler sets aside: a request"
          : f[1].equals("cpu") ? "cores become millicores; a container over its CPU limit is throttled"
          : "a container over its memory limit is killed (OOMKilled), as in Docker");
    }
  }
}
