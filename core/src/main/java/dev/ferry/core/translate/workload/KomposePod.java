package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.text.KubeExpansion;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.knowledge.Naming;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kompose labels that set Pod and container fields compose has no key for: {@code
 * kompose.security-context.fsgroup} (Pod fsGroup, so a non-root image can write its volumes) and
 * {@code kompose.ephemeral-storage.request/limit} (read from {@code deploy.labels}, as kompose does), and
 * {@code kompose.init.containers.name/image/command} (one initContainer).
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
      String text = s.deployment().deploy().labels().get(key);
      ModelPath at = s.path("deploy").key("labels").key(key);
      if (text == null) {
        text = s.identity().labels().get(key);
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

  /**
   * kompose's init container: {@code kompose.init.containers.image} (required), {@code .name} (default
   * {@code init-<service>}) and {@code .command}: a list {@code ["sh", "-c", "..."]} (items in single
   * or double quotes, or bare) as kompose parses it, or a string split into words as compose splits a
   * string command (kompose passes the whole string as one word, which no runtime can execute). It runs
   * after the dependency waits and pre_start hooks, before the app containers.
   */
  public static Container initContainer(TranslationContext ctx, Service s, Steering st, Scope spec, int index) {
    Steering.Value image = st.label("kompose.init.containers.image");
    Steering.Value name = st.label("kompose.init.containers.name");
    Steering.Value command = st.label("kompose.init.containers.command");
    if (image == null || image.text().isBlank()) {
      Steering.Value any = name != null ? name : command;
      if (any != null) ctx.report("steering-invalid", Severity.WARNING, any.path(), s.name(),
          "kompose.init.containers.image is not set: no initContainer is created (kompose skips it too); set the image");
      return null;
    }
    String n = name == null || name.text().isBlank() ? "init-" + s.name() : name.text().trim();
    if (!Naming.isLabel(n)) {
      String fixed = "init-" + s.name();
      ctx.report("steering-invalid", Severity.WARNING, name.path(), s.name(), "kompose.init.containers.name \"" + n
          + "\" is not a DNS-1123 label (a container name must be); the initContainer is named " + fixed);
      n = fixed;
    }
    List<String> cmd = command == null ? List.of() : command(command.text());
    if (command != null && cmd == null) {
      ctx.report("steering-invalid", Severity.WARNING, command.path(), s.name(), "kompose.init.containers.command \""
          + command.text() + "\" is not a list of quoted words nor a command line (unbalanced quotes or brackets);"
          + " the initContainer runs its image's default command");
      cmd = List.of();
    }
    ContainerBuilder b = new ContainerBuilder().withName(n).withImage(image.text().trim());
    if (!cmd.isEmpty()) b.withCommand(KubeExpansion.escape(cmd));
    Scope at = spec.at("initContainers[" + index + "]");
    at.from(ctx, "", image.path(), "runs to completion before the app containers start, each time the Pod starts");
    if (!cmd.isEmpty()) at.from(ctx, "command", command.path());
    return b.build();
  }

  /** The words of a kompose init command: {@code [a, "b c", 'd']}, or a command line; null when malformed. */
  static List<String> command(String text) {
    String t = text.trim();
    if (!t.startsWith("[")) {
      ShellWords.Result r = ShellWords.split(t);
      return r.error() != null ? null : r.words();
    }
    if (!t.endsWith("]")) return null;
    List<String> out = new ArrayList<>();
    String body = t.substring(1, t.length() - 1);
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = body.indexOf(c, i + 1);
        if (end < 0) return null;
        out.add(body.substring(i + 1, end).trim());
        i = end + 1;
      } else {
        int end = i;
        while (end < body.length() && body.charAt(end) != ',') end++;
        out.add(body.substring(i, end).trim());
        i = end;
      }
    }
    return out;
  }
}
