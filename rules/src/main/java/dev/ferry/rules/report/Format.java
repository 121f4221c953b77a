package dev.ferry.rules.report;

import dev.ferry.core.text.TerminalSafe;
import dev.ferry.rules.api.Finding;

/**
 * Output formats of {@code ferry lint}: text (code frames, remediation), compact (one line per
 * finding, for grep and editor problem matchers), json, sarif (code scanning), github (workflow
 * annotations), junit, codeclimate (GitLab Code Quality).
 */
public enum Format {
  text, compact, json, sarif, github, junit, codeclimate;

  /** Renders a report; {@code colour} only matters for text. */
  public String render(Report r, boolean colour, String version) {
    return switch (this) {
      case text -> TextFormat.render(r, colour);
      case compact -> compact(r);
      case json -> JsonFormat.render(r);
      case sarif -> SarifFormat.render(r, version);
      case github -> GithubFormat.render(r);
      case junit -> JunitFormat.render(r);
      case codeclimate -> CodeClimateFormat.render(r);
    };
  }

  /** {@code file:line:col: severity [rule] message}, one line each, nothing else. */
  private static String compact(Report r) {
    StringBuilder b = new StringBuilder();
    for (Finding f : r.findings()) {
      b.append(TerminalSafe.line(f.file())).append(':').append(f.line()).append(':').append(f.column()).append(": ")
          .append(f.severity().label()).append(" [").append(f.rule()).append("] ")
          .append(TerminalSafe.line(f.message().replace('\n', ' '))).append('\n');
    }
    return b.toString();
  }
}
