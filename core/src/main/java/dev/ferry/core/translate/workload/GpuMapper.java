package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DeviceRequest;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
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
    for (DeviceRequest g : s.execution().gpus()) {
      total += request(ctx, s, g.path(), g.count(), g.deviceIds());
      if (first == null) first = g.path();
    }
    for (DeviceRequest d : s.deployment().deploy().devices()) {
      if (!isGpu(d)) {
        ctx.report("not-translatable", Severity.WARNING, d.path(), s.name(), "device reservation "
            + (d.driver() == null ? "" : "(driver " + d.driver() + ") ")
            + "is not a GPU ferry knows: it needs the vendor's device plugin and its extended resource; not translated");
        continue;
      }
      total += request(ctx, s, d.path(), d.count(), d.deviceIds());
      if (first == null) first = d.path();
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

  static boolean isGpu(DeviceRequest d) {
    if ("nvidia".equalsIgnoreCase(d.driver())) return true;
    if (d.driver() != null) return false;
    for (String c : d.capabilities()) if (c.equalsIgnoreCase("gpu")) return true;
    return false;
  }
}
