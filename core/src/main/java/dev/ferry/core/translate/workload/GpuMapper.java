package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gpus} and GPU items of {@code deploy.resources.reservations.devices} (the {@code nvidia}
 * driver or the {@code gpu} capability) become the extended-resource limit {@code nvidia.com/gpu},
 * which the NVIDIA device plugin serves. Kubernetes asks for a whole number of GPUs: {@code count}
 * is that number, {@code device_ids} give their count, {@code all} (or {@code -1}) has no
 * equivalent and becomes 1 with a warning. Other devices are reported as not translated. The
 * findings use the lint id {@code gpu-reservation}, so lint and convert say the same thing.
 */
final class GpuMapper {
  static final String RESOURCE = "nvidia.com/gpu";

  private GpuMapper() {}

  /** {@code res} with the GPU limit added (or {@code res} when the service asks for no GPU). */
  static ResourceRequirements apply(TranslationContext ctx, Service s, ResourceRequirements res, Scope scope) {
    long total = 0;
    ModelPath first = null;
    Node gpus = s.node().get("gpus");
    if (gpus instanceof ScalarNode g && !g.isNull()) {
      total += request(ctx, s, s.path("gpus"), g.asString(), 0);
      first = s.path("gpus");
    } else if (gpus instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        if (!(seq.get(i) instanceof MapNode d)) continue;
        total += request(ctx, s, s.path("gpus").index(i), count(d), ids(d));
        if (first == null) first = s.path("gpus").index(i);
      }
    }
    MapNode deploy = s.node().getMap("deploy");
    MapNode r = deploy == null ? null : deploy.getMap("resources");
    MapNode rsv = r == null ? null : r.getMap("reservations");
    if (rsv != null && rsv.get("devices") instanceof SeqNode devices) {
      ModelPath dp = s.path("deploy").key("resources").key("reservations").key("devices");
      for (int i = 0; i < devices.size(); i++) {
        if (!(devices.get(i) instanceof MapNode d)) continue;
        if (!isGpu(d)) {
          ctx.report("not-translatable", Severity.WARNING, dp.index(i), s.name(), "device reservation "
              + (d.getString("driver") == null ? "" : "(driver " + d.getString("driver") + ") ")
              + "is not a GPU ferry knows: it needs the vendor's device plugin and its extended resource; not translated");
          continue;
        }
        total += request(ctx, s, dp.index(i), count(d), ids(d));
        if (first == null) first = dp.index(i);
      }
    }
    if (total == 0) return res;
    ResourceRequirementsBuilder b = res == null ? new ResourceRequirementsBuilder() : new ResourceRequirementsBuilder(res);
    Map<String, Quantity> limits = new LinkedHashMap<>(res == null || res.getLimits() == null ? Map.of() : res.getLimits());
    limits.put(RESOURCE, new Quantity(String.valueOf(total)));
    scope.from(ctx, "resources.limits", first, "GPUs are the extended resource " + RESOURCE
        + " (a limit; Kubernetes sets the request equal to it)");
    return b.withLimits(limits).build();
  }

  /** The GPUs one entry asks for, with its finding. */
  private static long request(TranslationContext ctx, Service s, ModelPath at, String count, int ids) {
    String head = "service \"" + s.name() + "\" reserves GPUs: on Kubernetes this becomes the resource limit ";
    String tail = ", which schedules only on nodes running the NVIDIA device plugin";
    if (count == null || count.isEmpty()) {
      long n = ids > 0 ? ids : 1;
      ctx.report("gpu-reservation", Severity.INFO, at, s.name(), head + RESOURCE + ": " + n + tail
          + (ids > 0 ? " (the device plugin picks the GPUs: specific device_ids cannot be chosen)" : ""));
      return n;
    }
    if (count.equals("all") || count.equals("-1")) {
      ctx.report("gpu-reservation", Severity.WARNING, at, s.name(), head + RESOURCE + ": 1" + tail
          + "; \"all\" has no equivalent (a container asks for a fixed number of GPUs), so ferry asks for 1:"
          + " raise it to the number your nodes have");
      return 1;
    }
    try {
      long n = Long.parseLong(count.trim());
      if (n > 0) {
        ctx.report("gpu-reservation", Severity.INFO, at, s.name(), head + RESOURCE + ": " + n + tail);
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    ctx.report("gpu-reservation", Severity.WARNING, at, s.name(), "GPU count \"" + count
        + "\" is not a positive number; no GPU is requested");
    return 0;
  }

  private static String count(MapNode d) {
    return d.get("count") instanceof ScalarNode c && !c.isNull() ? c.asString() : null;
  }

  private static int ids(MapNode d) {
    return d.get("device_ids") instanceof SeqNode ids ? ids.size() : 0;
  }

  static boolean isGpu(MapNode d) {
    if ("nvidia".equalsIgnoreCase(d.getString("driver"))) return true;
    if (d.getString("driver") != null) return false;
    if (d.get("capabilities") instanceof SeqNode caps) {
      for (Node c : caps.items()) if (c instanceof ScalarNode sc && sc.asString().equalsIgnoreCase("gpu")) return true;
    }
    return false;
  }
}
