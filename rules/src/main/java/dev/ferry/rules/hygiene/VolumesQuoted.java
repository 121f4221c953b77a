package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Fixable;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.TextEdit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A short-syntax volume written in quotes. dclint's {@code no-quotes-in-volumes}: house style, not meaning. */
@RuleInfo(
    id = "volumes-quoted",
    summary = "A volume in short syntax is quoted; volumes are written plain.",
    remediation = "Drop the quotes: - ./data:/data (ferry lint --fix does it when the plain form reads the same).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true)
public final class VolumesQuoted implements Rule, Fixable {
  /** Text that reads the same plain: no indicator at the start, no ": " or " #", no quotes or escapes. */
  private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9./~_$][^\"'\\\\#\\s]*");

  @Override
  public void check(RuleContext ctx) {
    Set<Object> seen = new HashSet<>();
    for (MapNode file : ctx.parsedFiles().values()) {
      for (Map.Entry<String, MapNode> svc : OrderRule.services(file)) {
        for (ScalarNode s : quoted(svc.getValue())) {
          if (!seen.add(s.position())) continue;
          ctx.report(s.position(), svc.getKey(), "volume " + s.text() + " is quoted in service \"" + svc.getKey() + "\"");
        }
      }
    }
  }

  static List<ScalarNode> quoted(MapNode svc) {
    List<ScalarNode> out = new ArrayList<>();
    if (svc.get("volumes") instanceof SeqNode vols) {
      for (Node n : vols.items()) if (n instanceof ScalarNode s && s.quoted()) out.add(s);
    }
    return out;
  }

  @Override
  public List<TextEdit> fixes(FixInput in) {
    List<TextEdit> out = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Map.Entry<String, MapNode> svc : OrderRule.services(in.parsed())) {
      for (ScalarNode s : quoted(svc.getValue())) {
        if (!s.position().file().equals(in.file()) || !seen.add(s.position())) continue;
        if (!SAFE_PLAIN.matcher(s.text()).matches() || s.text().contains(": ") || s.text().endsWith(":")) continue;
        int from = in.offset(s.position().line(), s.position().column());
        int to = from + s.text().length() + 2;
        if (to > in.text().length()) continue;
        char q = in.text().charAt(from);
        if ((q != '"' && q != '\'') || in.text().charAt(to - 1) != q
            || !in.text().substring(from + 1, to - 1).equals(s.text())) continue;
        out.add(new TextEdit(from, to, s.text()));
      }
    }
    return out;
  }
}
