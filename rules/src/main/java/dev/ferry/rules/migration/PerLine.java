package dev.ferry.rules.migration;

import dev.ferry.core.source.ModelPath;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.engine.SharedLines;
import java.util.List;

/**
 * Formerly merged a rule's findings per written line, if the rule remembered to call {@code flush()}.
 * The engine merges every rule's findings now ({@link dev.ferry.rules.api.RuleInfo#mergeSharedLines()});
 * this pass-through remains only for the rule classes whose ids the conversion reports, which are being
 * turned into metadata-only classes separately. Report through {@link RuleContext} instead.
 */
@Deprecated
public final class PerLine {
  private final RuleContext ctx;

  public PerLine(RuleContext ctx) {
    this.ctx = ctx;
  }

  public void report(ModelPath path, String service, String message) {
    ctx.report(path, service, message);
  }

  /** Nothing left to do: the engine merges. */
  public void flush() {
  }

  public static String names(List<String> services) {
    return SharedLines.names(services);
  }
}
