package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named volume mounted by several services, or by a service with more than one replica (or
 * {@code deploy.mode: global}): pods on different nodes can share a PersistentVolumeClaim only with
 * ReadWriteMany (or ReadOnlyMany when every mount is read-only). Sharing between services is
 * reported once, at the volume's top-level definition (or its first mount when it has none);
 * replicas at the mount of the replicated service.
 */
@RuleInfo(
    id = "shared-volume",
    summary = "A named volume is shared by several services or replicas, which needs a ReadWriteMany volume.",
    remediation = "Use a storage class that offers ReadWriteMany (NFS, CephFS, EFS, Azure Files), or give each"
        + " service its own volume; for read-only sharing, mount it read_only everywhere.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class SharedVolume implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    Map<String, List<Use>> uses = new LinkedHashMap<>();
    for (Service s : ctx.services()) {
      Set<String> seen = new LinkedHashSet<>();
      for (Mount m : s.volumes()) {
        if (m.isNamedVolume() && seen.add(m.source())) {
          uses.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(new Use(s, m));
        }
      }
    }
    for (Map.Entry<String, List<Use>> e : uses.entrySet()) {
      List<Use> list = e.getValue();
      String mode = list.stream().allMatch(u -> u.mount.readOnly())
          ? "ReadOnlyMany (every mount is read-only)"
          : "ReadWriteMany, which many storage classes do not offer";
      String volume = "named volume \"" + e.getKey() + "\" ";
      String tail = ": pods on different nodes share a PersistentVolumeClaim only with access mode " + mode;
      if (list.size() >= 2) {
        ModelPath def = ModelPath.of("volumes", e.getKey());
        ModelPath at = ctx.sourceMap().has(def) ? def : list.get(0).mount.path();
        out.report(at, list.get(0).service.name(), volume + "is mounted by services " + names(list) + tail);
      }
      for (Use u : list) {
        String replicas = replicas(u.service);
        if (replicas == null) continue;
        out.report(u.mount.path(), u.service.name(), volume + "is mounted by \"" + u.service.name() + "\", which runs "
            + replicas + tail);
      }
    }
    out.flush();
  }

  /**
   * This rule judges named volumes; the conversion's findings for bind mounts and anonymous volumes
   * that became one shared claim are the mapper's, and lint keeps them.
   */
  @Override
  public boolean covers(dev.ferry.rules.api.Finding fromTranslation, RuleContext ctx, List<dev.ferry.rules.api.Finding> own) {
    for (Service s : ctx.services()) {
      for (Mount m : s.volumes()) {
        if (!m.isNamedVolume() && ctx.position(m.path()).equals(fromTranslation.position())) return false;
      }
    }
    return true;
  }

  private static String replicas(Service s) {
    if (s.deploy().isGlobal()) return "on every node (deploy.mode: global)";
    Integer r = s.replicas();
    return r != null && r > 1 ? r + " replicas" : null;
  }

  private static String names(List<Use> list) {
    List<String> n = new ArrayList<>();
    for (Use u : list) n.add(u.service.name());
    return PerLine.names(n).substring("services ".length());
  }

  private record Use(Service service, Mount mount) {}
}
