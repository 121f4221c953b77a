package dev.ferry.cli.command;

import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.StdOut;
import dev.ferry.cli.support.UserError;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.engine.DidYouMean;
import dev.ferry.rules.engine.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry rules}: the rule list; {@code ferry rules <id>}: one rule's page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = {"List the lint rules, or print one rule's documentation page."})
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "A rule id, e.g. depends-on-without-healthcheck.")
  String id;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (id == null) {
      out.print(table(RuleRegistry.sorted()));
      StdOut.finish(out);
      return ExitCode.OK.code;
    }
    Rule rule = RuleRegistry.byId(id).orElseThrow(() -> new UserError("no rule '" + id + "'" + suggestion(id)
        + "; ferry rules lists them"));
    try (InputStream in = RulesCommand.class.getResourceAsStream("/dev/ferry/cli/rules/" + rule.id() + ".md")) {
      if (in != null) {
        out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } else {
        RuleInfo i = rule.info();
        out.println("# " + i.id() + "\n\n" + i.summary() + "\n\nFix: " + i.remediation());
      }
    }
    StdOut.finish(out);
    return ExitCode.OK.code;
  }

  static String table(List<Rule> rules) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-34s %-8s %-12s %-4s %s%n", "RULE", "SEVERITY", "CATEGORY", "FIX", "SUMMARY"));
    for (Rule r : rules) {
      RuleInfo i = r.info();
      b.append(String.format(Locale.ROOT, "%-34s %-8s %-12s %-4s %s%n", i.id() + (i.enabledByDefault() ? "" : " (off)"),
          i.severity().label(), i.category().label(), i.fixable() ? "yes" : "", i.summary()));
    }
    b.append(rules.size()).append(" rules; ferry rules <id> prints one rule's page.\n");
    return b.toString();
  }

  private static String suggestion(String id) {
    return DidYouMean.hint(id, RuleRegistry.all().stream().map(Rule::id).toList());
  }
}
