package dev.ferry.rules.portability;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.migration.PerLine;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * A GPU request: a {@code deploy.resources.reservations.devices} item with the {@code gpu}
 * capability or the {@code nvidia} driver, or the {@code gpus} key. On Kubernetes GPUs are an
 * extended resource ({@code nvidia.com/gpu}) that exists only where the vendor's device plugin runs.
 */
@RuleInfo(
    id = "gpu-reservation",
    summary = "A service reserves GPUs: on Kubernetes that needs a device plugin (nvidia.com/gpu) on the nodes.",
    remediation = "Install the NVIDIA device plugin (or GPU operator) on GPU nodes; request a whole number of GPUs.",
    severity = Severity.INFO,
    category = Category.PORTABILITY)
public final class GpuReservation implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      if (s.node().get("gpus") instanceof ScalarNode g && !g.isNull()) {
        report(out, s, s.path("gpus"), g.asString());
      } else if (s.node().get("gpus") instanceof SeqNode) {
        report(out, s, s.path("gpus"), null);
      }
      MapNode res = s.node().getMap("deploy") == null ? null : s.node().getMap("deploy").getMap("resources");
      MapNode rsv = res == null ? null : res.getMap("reservations");
      SeqNode devices = rsv == null ? null : rsv.getSeq("devices");
      if (devices == null) continue;
      for (int i = 0; i < devices.size(); i++) {
        if (!(devices.get(i) instanceof MapNode d) || !isGpu(d)) continue;
        String count = d.getString("count");
        if (count == null && d.get("device_ids") instanceof SeqNode ids) count = String.valueOf(ids.size());
        report(out, s, s.path("deploy").key("resources").key("reservations").key("devices").index(i), count);
      }
    }
    out.flush();
  }

  private static void report(PerLine out, Service s, ModelPath at, String count) {
    String n = count == null || count.isEmpty() ? "1" : count;
    String request = n.equals("all") || n.equals("-1")
        ? "nvidia.com/gpu with a fixed count (\"all\" has no equivalent)"
        : "nvidia.com/gpu: " + n;
    out.report(at, s.name(), "service \"" + s.name() + "\" reserves GPUs: on Kubernetes this becomes the resource limit "
        + request + ", which schedules only on nodes running the NVIDIA device plugin");
  }

  static boolean isGpu(MapNode d) {
    if ("nvidia".equalsIgnoreCase(d.getString("driver"))) return true;
    if (d.get("capabilities") instanceof SeqNode caps) {
      for (Node c : caps.items()) if (c instanceof ScalarNode sc && sc.asString().equalsIgnoreCase("gpu")) return true;
    }
    return false;
  }
}
