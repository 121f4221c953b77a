package dev.ferry.rules.report;

import dev.ferry.core.text.TerminalSafe;
import dev.ferry.rules.api.Finding;
import dev.ferry.core.concurrent.OnEveryCore;
import java.util.List;
import java.util.function.Consumer;
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
    StringBuilder b = new StringBuilder();
    write(r, colour, version, b::append);
    return b.toString();
  }

  /**
   * Hands the report to {@code out} piece by piece, in order: the long formats render slices of
   * findings on every core while the pieces before them are being written.
   */
  public void write(Report r, boolean colour, String version, Consumer<String> out) {
    switch (this) {
      case text -> TextFormat.write(r, colour, out);
      case compact -> inOrder(r, Format::compact, out);
      case json -> JsonFormat.write(r, out);
      case sarif -> SarifFormat.write(r, version, out);
      case github -> inOrder(r, GithubFormat::render, out);
      case junit -> out.accept(JunitFormat.render(r));
      case codeclimate -> out.accept(CodeClimateFormat.render(r));
    }
  }

  /** {@code file:line:col: severity [rule] message}, one line each, nothing else. */
  private static String compact(List<Finding> slice) {
    StringBuilder b = new StringBuilder(slice.size() * 160);
    for (Finding f : slice) {
      b.append(TerminalSafe.line(f.file())).append(':').append(f.line()).append(':').append(f.column()).append(": ")
          .append(f.severity().label()).append(" [").append(f.rule()).append("] ")
          .append(TerminalSafe.line(f.message().replace('\n', ' '))).append('\n');
    }
    return b.toString();
  }

  /** {@code perSlice} over slices of the findings on every core, each handed to {@code out} in order. */
  static void inOrder(Report r, Function<List<Finding>, String> perSlice, Consumer<String> out) {
    OnEveryCore.forEachInOrder(OnEveryCore.slices(r.findings(), SLICE), perSlice, out);
  }
}
