package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** A container's post_start / pre_stop hooks as its lifecycle handlers. */
final class LifecycleHooks {
  private LifecycleHooks() {}

  /** post_start / pre_stop hooks: the command of a single hook becomes an exec handler. */
  static void map(TranslationContext ctx, Service s, Container c, Scope scope) {
    io.fabric8.kubernetes.api.model.LifecycleHandler post = hook(ctx, s, "post_start");
    io.fabric8.kubernetes.api.model.LifecycleHandler pre = hook(ctx, s, "pre_stop");
    if (post == null && pre == null) return;
    c.setLifecycle(new io.fabric8.kubernetes.api.model.LifecycleBuilder().withPostStart(post).withPreStop(pre).build());
    if (post != null) scope.from(ctx, "lifecycle.postStart", s.path("post_start"));
    if (pre != null) scope.from(ctx, "lifecycle.preStop", s.path("pre_stop"));
  }

  private static io.fabric8.kubernetes.api.model.LifecycleHandler hook(TranslationContext ctx, Service s, String key) {
    if (!(s.node().get(key) instanceof dev.ferry.core.tree.SeqNode seq) || seq.size() == 0) return null;
    List<List<String>> cmds = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof dev.ferry.core.tree.MapNode h)) continue;
      if (h.has("user") || h.has("privileged") || h.has("environment") || h.has("working_dir")) {
        ctx.report("not-translatable", Severity.INFO, s.path(key).index(i), s.name(),
            key + " hook options user/privileged/environment/working_dir are not translated; the hook runs in the container as it is");
      }
      dev.ferry.core.tree.Node c = h.get("command");
      if (c instanceof dev.ferry.core.tree.ScalarNode sc) cmds.add(List.of("sh", "-c", sc.text()));
      else if (c instanceof dev.ferry.core.tree.SeqNode cs) {
        List<String> words = new ArrayList<>();
        for (dev.ferry.core.tree.Node w : cs.items()) if (w instanceof dev.ferry.core.tree.ScalarNode ws) words.add(ws.text());
        cmds.add(words);
      }
    }
    if (cmds.isEmpty()) return null;
    List<String> cmd = cmds.get(0);
    if (cmds.size() > 1) {
      StringBuilder sb = new StringBuilder();
      for (List<String> c : cmds) {
        if (sb.length() > 0) sb.append(" && ");
        sb.append(c.size() == 3 && c.get(0).equals("sh") && c.get(1).equals("-c") ? c.get(2) : dev.ferry.core.text.ShellWords.join(c));
      }
      cmd = List.of("sh", "-c", sb.toString());
    }
    return new io.fabric8.kubernetes.api.model.LifecycleHandlerBuilder().withNewExec().withCommand(cmd).endExec().build();
  }
}
