package dev.ferry.rules.report;

import dev.ferry.core.text.TerminalSafe;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.engine.OnEveryCore;
import java.util.List;
import java.util.function.Function;

/**
 * Output formats of {@code ferry lint}: text (code frames, remediation), compact (one line per
 * finding, for grep and editor problem matchers), json, sarif (code scanning), github (workflow
 * annotations), junit, codeclimate (GitLab Code Quality).
 */
public enum Format {
  text, compact, json, sarif, github, junit, codeclimate;

  /** Findings per slice a format renders on one core ({@link OnEveryCore}): enough slices to share two cores evenly. */
  static final int SLICE = 2048;

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
    return joined(r, Format::compact);
  }

  private static String compact(List<Finding> slice) {
    StringBuilder b = new StringBuilder(slice.size() * 160);
    for (Finding f : slice) {
      b.append(TerminalSafe.line(f.file())).append(':').append(f.line()).append(':').append(f.column()).append(": ")
          .append(f.severity().label()).append(" [").append(f.rule()).append("] ")
          .append(TerminalSafe.line(f.message().replace('\n', ' '))).append('\n');
    }
    return b.toString();
  }

  /** {@code perSlice} over slices of the findings on every core, joined in order. */
  static String joined(Report r, Function<List<Finding>, String> perSlice) {
    List<String> parts = OnEveryCore.map(OnEveryCore.slices(r.findings(), SLICE), perSlice);
    StringBuilder b = new StringBuilder(parts.stream().mapToInt(String::length).sum());
    for (String part : parts) b.append(part);
    return b.toString();
  }
}
