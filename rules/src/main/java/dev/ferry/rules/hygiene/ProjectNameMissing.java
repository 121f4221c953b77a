package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.Map;

/**
 * No top-level {@code name}: the project name then comes from the directory, so the same file gives
 * different names (and, converted, different part-of labels and chart names) in different
 * checkouts. dclint's {@code require-project-name-field}.
 */
@RuleInfo(
    id = "project-name-missing",
    summary = "The project sets no top-level name, so its name depends on the directory it is in.",
    remediation = "Add name: <project> at the top of the main compose file.",
    severity = Severity.INFO,
    category = Category.HYGIENE)
public final class ProjectNameMissing implements Rule {
  @Override
  public void check(RuleContext ctx) {
    if (ctx.parsedFiles().isEmpty()) return;
    for (MapNode f : ctx.parsedFiles().values()) if (f.has("name")) return;
    Map.Entry<String, MapNode> main = ctx.parsedFiles().entrySet().iterator().next();
    String dir = ctx.project() != null ? ctx.project().name() : null;
    ctx.report(Position.of(main.getKey(), 1, 1), null, "no top-level name: the project is named after its directory"
        + (dir == null ? "" : " (\"" + dir + "\" here)") + ", which changes between checkouts");
  }
}
