package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/** {@code read_only} is not true. Reported at {@code read_only: false} when written, else at the service. */
@RuleInfo(
    id = "writable-root-filesystem",
    summary = "A service's root filesystem is writable (read_only is not true).",
    remediation = "Set read_only: true and mount tmpfs (or volumes) on the paths the process writes to.",
    severity = Severity.INFO,
    category = Category.SECURITY)
public final class WritableRootFilesystem implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (s.security().readOnly()) continue;
      ctx.report(s.has("read_only") ? s.path("read_only") : s.path(), s.name(),
          "service \"" + s.name() + "\" has a writable root filesystem: an intruder can change binaries and"
              + " configuration; on Kubernetes read_only: true becomes readOnlyRootFilesystem: true");
    }
  }
}
