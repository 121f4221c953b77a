package dev.ferry.core.translate;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.ComposeKeys;
import dev.ferry.core.knowledge.ComposeKeys.Key;
import dev.ferry.core.knowledge.ComposeKeys.Treatment;
import dev.ferry.core.model.Service;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;

/**
 * Convert's coverage findings: every use of a service or deploy key the compose-key catalogue
 * ({@link ComposeKeys}) calls not translatable is a {@code not-translatable} finding at the key
 * (lint shows the same ones), so no key is dropped silently. It reads the service's tree
 * ({@code Service.node()}), not the typed model, on purpose: it reports on the keys as written,
 * including the ones the model does not type because nothing translates them.
 */
public final class Coverage {
  private Coverage() {}

  /**
   * Reports every set REPORTED service or deploy key a service uses, deploy.restart_policy options
   * other than max_attempts and condition, develop (info), and local logging once (node-logging).
   */
  public static void report(TranslationContext ctx, Service s) {
    for (String k : s.node().keys()) {
      if (k.startsWith("x-")) continue;
      Key e = ComposeKeys.service(k);
      if (k.equals("logging") && NodeLogging.local(s)) {
        NodeLogging.report(ctx, s);
        continue;
      }
      if (e != null && e.treatment() == Treatment.REPORTED && !unset(s, k)) {
        ctx.report("not-translatable", Severity.WARNING, s.path(k), s.name(),
            k + " has no Kubernetes equivalent and is not translated: " + e.target());
      }
    }
    if (s.has("develop")) {
      ctx.report("not-translatable", Severity.INFO, s.path("develop"), s.name(), "develop (compose watch) is a"
          + " development loop and is ignored: on the cluster, build a new image and roll it out");
    }
    if (s.node().get("deploy") instanceof MapNode d) {
      for (String k : d.keys()) {
        Key e = ComposeKeys.deploy(k);
        if (e != null && e.treatment() == Treatment.REPORTED) {
          ctx.report("not-translatable", Severity.INFO, s.path("deploy").key(k), s.name(),
              "deploy." + k + " is not translated: " + e.target());
        }
      }
      if (d.get("restart_policy") instanceof MapNode rp) {
        for (String k : rp.keys()) {
          if (!k.equals("max_attempts") && !k.equals("condition")) {
            ctx.report("not-translatable", Severity.INFO, s.path("deploy").key("restart_policy").key(k), s.name(),
                "deploy.restart_policy." + k + " is not translated: Kubernetes restarts with its own back-off");
          }
        }
      }
    }
  }

  /** An empty value ({@code devices: []}, {@code ulimits: {}}, {@code ""}) or {@code init: false} loses nothing. */
  private static boolean unset(Service s, String key) {
    Node v = s.node().get(key);
    if (key.equals("init")) return !Boolean.TRUE.equals(s.execution().init());
    return v == null || v.isNull() || v instanceof ScalarNode sc && sc.asString().isEmpty()
        || v instanceof SeqNode q && q.size() == 0 || v instanceof MapNode m && m.isEmpty();
  }
}
