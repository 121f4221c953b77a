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
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import dev.ferry.rules.api.TextEdit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short-syntax port written unquoted. YAML 1.1 parsers (PyYAML, docker-compose v1, many editors)
 * read {@code 22:22} as the base-60 number 1342; quoting removes the trap. dclint's
 * {@code require-quotes-in-ports}; option {@code quoteType} ({@code double} or {@code single}).
 */
@RuleInfo(
    id = "ports-unquoted",
    summary = "A port in short syntax is not quoted; YAML 1.1 readers may turn 22:22 into a number.",
    remediation = "Quote it: - \"8080:80\" (ferry lint --fix does it).",
    severity = Severity.WARNING,
    category = Category.HYGIENE,
    fixable = true,
    options = @RuleOption(name = "quoteType", type = OptionType.STRING, defaultValue = "double", values = {"double", "single"},
        description = "The quotes ferry lint --fix puts around a port."))
public final class PortsUnquoted implements Rule, Fixable {
  @Override
  public void check(RuleContext ctx) {
    Set<Object> seen = new HashSet<>();
    for (MapNode file : ctx.parsedFiles().values()) {
      for (Map.Entry<String, MapNode> svc : OrderRule.services(file)) {
        for (ScalarNode s : unquoted(svc.getValue())) {
          if (!seen.add(s.position())) continue;
          ctx.report(s.position(), svc.getKey(), "port " + s.text() + " is not quoted in service \"" + svc.getKey()
              + "\"; write \"" + s.text() + "\"");
        }
      }
    }
  }

  static List<ScalarNode> unquoted(MapNode svc) {
    List<ScalarNode> out = new ArrayList<>();
    if (svc.get("ports") instanceof SeqNode ports) {
      for (Node n : ports.items()) {
        if (n instanceof ScalarNode s && !s.quoted() && !s.text().isEmpty()) out.add(s);
      }
    }
    return out;
  }

  @Override
  public List<TextEdit> fixes(FixInput in) {
    String q = in.options().text("quoteType").equals("single") ? "'" : "\"";
    List<TextEdit> out = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Map.Entry<String, MapNode> svc : OrderRule.services(in.parsed())) {
      for (ScalarNode s : unquoted(svc.getValue())) {
        if (!s.position().file().equals(in.file()) || !seen.add(s.position())) continue;
        int from = in.offset(s.position().line(), s.position().column());
        int to = from + s.text().length();
        if (to > in.text().length() || !in.text().substring(from, to).equals(s.text())) continue;
        out.add(new TextEdit(from, to, q + s.text() + q));
      }
    }
    return out;
  }
}
