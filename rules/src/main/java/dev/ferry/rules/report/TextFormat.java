package dev.ferry.rules.report;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.text.TerminalSafe;
import dev.ferry.rules.api.Finding;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code file:line:col: severity [id] message}, then the source line with a caret under the
 * column, then the remediation; a summary line at the end. ANSI colour only when asked.
 */
final class TextFormat {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private TextFormat() {}

  static void write(Report r, boolean colour, Consumer<String> out) {
    // Line starts per text, found once: scanning from the top for each finding was quadratic
    // (over half of `ferry lint` at 1,000 services).
    Map<String, int[]> starts = new IdentityHashMap<>();
    for (String text : r.texts().values()) starts.computeIfAbsent(text, TextFormat::lineStarts);
    // Findings render independently: slices on every core, joined in order.
    Format.inOrder(r, slice -> findings(slice, r.texts(), starts, colour), out);
    StringBuilder b = new StringBuilder(); // the summary
    long[] counts = r.counts();
    long e = counts[Severity.ERROR.ordinal()];
    long w = counts[Severity.WARNING.ordinal()];
    long i = counts[Severity.INFO.ordinal()];
    String files = r.files() == 1 ? "1 project" : r.files() + " projects";
    if (r.findings().isEmpty()) {
      b.append("ferry lint: no findings in ").append(files).append('\n');
    } else {
      b.append("ferry lint: ").append(r.findings().size()).append(r.findings().size() == 1 ? " finding" : " findings")
          .append(" (").append(e).append(" errors, ").append(w).append(" warnings, ").append(i).append(" info) in ")
          .append(files).append('\n');
    }
    out.accept(b.toString());
  }

  /** The code frames of {@code slice}: message, source line with a caret under the column, remediation. */
  private static String findings(List<Finding> slice, Map<String, String> texts, Map<String, int[]> starts, boolean colour) {
    StringBuilder b = new StringBuilder(slice.size() * 384);
    // A rule's remediation is one string shared by its every finding: made terminal-safe once.
    Map<String, String> safeRemediation = new IdentityHashMap<>();
    for (Finding f : slice) {
      String sev = f.severity().label();
      b.append(c(colour, BOLD, TerminalSafe.line(f.position().toString()))).append(": ")
          .append(c(colour, colourOf(f.severity()), sev)).append(" [").append(f.rule()).append("] ")
          .append(TerminalSafe.text(f.message())).append('\n');
      String text = texts.get(f.file());
      String raw = text == null ? null : line(text, starts.get(text), f.line());
      if (raw != null) {
        String line = TerminalSafe.line(raw);
        String gutter = String.valueOf(f.line());
        b.append(c(colour, DIM, " " + gutter + " | ")).append(line).append('\n');
        int cps = raw.codePointCount(0, raw.length());
        String before = TerminalSafe.line(raw.substring(0, raw.offsetByCodePoints(0, Math.max(0, Math.min(f.column() - 1, cps)))));
        StringBuilder caret = new StringBuilder();
        before.codePoints().forEach(cp -> caret.append(cp == '\t' ? '\t' : ' '));
        b.append(c(colour, DIM, " " + " ".repeat(gutter.length()) + " | ")).append(caret)
            .append(c(colour, colourOf(f.severity()), "^")).append('\n');
      }
      if (f.remediation() != null && !f.remediation().isBlank()) {
        b.append("  ").append(c(colour, DIM, "fix:")).append(' ').append(safeRemediation.computeIfAbsent(f.remediation(), TerminalSafe::text)).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> "\u001b[31;1m";
      case WARNING -> "\u001b[33;1m";
      case INFO -> "\u001b[36m";
    };
  }

  private static String c(boolean colour, String code, String s) {
    return colour ? code + s + RESET : s;
  }

  /** Offsets where each line of {@code text} starts (index 0: line 1). */
  static int[] lineStarts(String text) {
    int[] starts = new int[Math.max(16, text.length() / 32)]; // one pass: grown when the lines are shorter
    int k = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (k == starts.length) starts = Arrays.copyOf(starts, k * 2);
      starts[k++] = i + 1;
    }
    return k == starts.length ? starts : Arrays.copyOf(starts, k);
  }

  /** Line {@code line} (1-based) of {@code text} without its line break, or null past the end. */
  static String line(String text, int[] starts, int line) {
    if (line < 1 || line > starts.length) return null;
    int off = starts[line - 1];
    int end = text.indexOf('\n', off);
    String s = text.substring(off, end < 0 ? text.length() : end);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
