package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.LifecycleHandlerBuilder;
import java.util.ArrayList;
import java.util.List;

/** A container's post_start / pre_stop hooks as its lifecycle handlers. */
final class LifecycleHooks {
  private LifecycleHooks() {}

  /** post_start / pre_stop hooks: the command of a single hook becomes an exec handler. */
  static void map(TranslationContext ctx, Service s, Container c, Scope scope) {
    LifecycleHandler post = hook(ctx, s, "post_start");
    LifecycleHandler pre = hook(ctx, s, "pre_stop");
    if (post == null && pre == null) return;
    c.setLifecycle(new LifecycleBuilder().withPostStart(post).withPreStop(pre).build());
    if (post != null) scope.from(ctx, "lifecycle.postStart", s.path("post_start"));
    if (pre != null) scope.from(ctx, "lifecycle.preStop", s.path("pre_stop"));
  }

  private static LifecycleHandler hook(TranslationContext ctx, Service s, String key) {
    if (!(s.node().get(key) instanceof SeqNode seq) || seq.size() == 0) return null;
    List<List<String>> cmds = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode h)) continue;
      if (h.has("user") || h.has("privileged") || h.has("environment") || h.has("working_dir")) {
        ctx.report("not-translatable", Severity.INFO, s.path(key).index(i), s.name(),
            key + " hook options user/privileged/environment/working_dir are not translated; the hook runs in the container as it is");
      }
      Node c = h.get("command");
      if (c instanceof ScalarNode sc) cmds.add(List.of("sh", "-c", sc.text()));
      else if (c instanceof SeqNode cs) {
        List<String> words = new ArrayList<>();
        for (Node w : cs.items()) if (w instanceof ScalarNode ws) words.add(ws.text());
        cmds.add(words);
      }
    }
    if (cmds.isEmpty()) return null;
    List<String> cmd = cmds.get(0);
    if (cmds.size() > 1) {
      StringBuilder sb = new StringBuilder();
      for (List<String> c : cmds) {
        if (sb.length() > 0) sb.append(" && ");
        sb.append(c.size() == 3 && c.get(0).equals("sh") && c.get(1).equals("-c") ? c.get(2) : ShellWords.join(c));
      }
      cmd = List.of("sh", "-c", sb.toString());
    }
    return new LifecycleHandlerBuilder().withNewExec().withCommand(cmd).endExec().build();
  }
}
