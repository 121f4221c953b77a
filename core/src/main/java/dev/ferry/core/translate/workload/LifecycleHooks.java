package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Hook;
import dev.ferry.core.model.Service;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
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
    LifecycleHandler post = hook(ctx, s, "post_start", s.execution().hooks().postStart());
    LifecycleHandler pre = hook(ctx, s, "pre_stop", s.execution().hooks().preStop());
    if (post == null && pre == null) return;
    c.setLifecycle(new LifecycleBuilder().withPostStart(post).withPreStop(pre).build());
    if (post != null) scope.from(ctx, "lifecycle.postStart", s.path("post_start"));
    if (pre != null) scope.from(ctx, "lifecycle.preStop", s.path("pre_stop"));
  }

  private static LifecycleHandler hook(TranslationContext ctx, Service s, String key, List<Hook> hooks) {
    List<List<String>> cmds = new ArrayList<>();
    for (Hook h : hooks) {
      if (h.setsRunOptions()) {
        ctx.report("not-translatable", Severity.INFO, h.path(), s.name(),
            key + " hook options user/privileged/environment/working_dir are not translated; the hook runs in the container as it is");
      }
      if (h.shell() != null) cmds.add(List.of("sh", "-c", h.shell()));
      else if (h.exec() != null) cmds.add(h.exec());
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
