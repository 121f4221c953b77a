package dev.ferry.rules.schema;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Fixable;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.TextEdit;
import dev.ferry.rules.api.DiagnosticRule;
import java.util.List;

/**
 * The top-level version: key is obsolete and ignored by compose. Reported by the loader, at the
 * key; dclint's {@code no-version-field}. The fix deletes the line (when the value is on it).
 */
@RuleInfo(
    id = "obsolete-version",
    summary = "The top-level version: key is obsolete and ignored by compose.",
    remediation = "Remove the version: line (ferry lint --fix does it).",
    severity = Severity.WARNING,
    category = Category.HYGIENE,
    fixable = true)
public final class ObsoleteVersion extends DiagnosticRule implements Fixable {
  @Override
  public List<TextEdit> fixes(FixInput in) {
    MapNode.Entry e = in.parsed().entry("version");
    if (e == null || !(e.value() instanceof ScalarNode v) || !e.keyPosition().file().equals(in.file())) return List.of();
    int line = e.keyPosition().line();
    if (e.keyPosition().column() != 1 || v.position().line() != line) return List.of();
    int from = in.lineStart(line);
    int to = in.lineStart(line + 1);
    // a blank line right after goes too, so the file does not start with an empty line
    if (from == 0 && to < in.text().length() && in.text().startsWith("\n", to)) to++;
    return List.of(new TextEdit(from, to, ""));
  }
}
