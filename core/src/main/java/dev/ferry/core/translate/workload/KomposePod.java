package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kompose labels that set Pod and container fields compose has no key for: {@code
 * kompose.security-context.fsgroup} (Pod fsGroup, so a non-root image can write its volumes) and
 * {@code kompose.ephemeral-storage.request/limit} (read from {@code deploy.labels}, as kompose does).
 * A value Kubernetes would reject is a steering-invalid finding and left out.
 */
public final class KomposePod {
  private KomposePod() {}

  /** Resource quantity syntax (Kubernetes' resource.Quantity): a decimal number and an optional suffix. */
  private static final String QUANTITY = "[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[mkMGTPE])?";

  /** fsGroup from {@code kompose.security-context.fsgroup} (a numeric group id). */
  public static void fsGroup(TranslationContext ctx, Service s, Steering st, PodSecurityContext psc, Scope spec) {
    Steering.Value v = st.label("kompose.security-context.fsgroup");
    if (v == null) return;
    try {
      long gid = Long.parseLong(v.text().trim());
      if (gid < 0) throw new NumberFormatException();
      psc.setFsGroup(gid);
      spec.from(ctx, "securityContext.fsGroup", v.path(),
          "volumes are made group-owned by this id, so a non-root container can write them");
    } catch (NumberFormatException e) {
      ctx.report("steering-invalid", Severity.WARNING, v.path(), s.name(),
          "kompose.security-context.fsgroup \"" + v.text() + "\" is not a numeric group id; no fsGroup is set");
    }
  }

  /** Adds ephemeral-storage requests/limits from {@code deploy.labels} kompose.ephemeral-storage.*. */
  public static ResourceRequirements ephemeral(TranslationContext ctx, Service s, ResourceRequirements res, Scope scope) {
    Map<String, Quantity> req = res == null || res.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(res.getRequests());
    Map<String, Quantity> lim = res == null || res.getLimits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(res.getLimits());
    boolean any = false;
    for (String[] f : new String[][] {{"request", "requests"}, {"limit", "limits"}}) {
      String key = "kompose.ephemeral-storage." + f[0];
      // kompose reads deploy.labels; a service label is honoured too rather than dropped
      String text = s.deploy().labels().get(key);
      ModelPath at = s.path("deploy").key("labels").key(key);
      if (text == null) {
        text = s.labels().get(key);
        at = s.path("labels").key(key);
      }
      if (text == null) continue;
      String q = text.trim();
      if (!q.matches(QUANTITY)) {
        ctx.report("steering-invalid", Severity.WARNING, at, s.name(),
            key + " \"" + text + "\" is not a Kubernetes quantity (e.g. 1Gi, 500M); no ephemeral-storage " + f[0] + " is set");
        continue;
      }
      (f[0].equals("request") ? req : lim).put("ephemeral-storage", new Quantity(q));
      scope.from(ctx, f[1] + ".ephemeral-storage", at, f[0].equals("request")
          ? "the scheduler places the Pod on a node with this much local disk free"
          : "a container writing more than this to its writable layer, logs or emptyDir is evicted");
      any = true;
    }
    if (!any) return res;
    return new ResourceRequirementsBuilder().withRequests(req.isEmpty() ? null : req).withLimits(lim.isEmpty() ? null : lim).build();
  }
}
