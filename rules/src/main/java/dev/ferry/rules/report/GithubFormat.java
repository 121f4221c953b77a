package dev.ferry.rules.report;

import dev.ferry.core.text.TerminalSafe;

import dev.ferry.rules.api.Finding;
import java.util.List;

/**
 * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=T::message}, so findings
 * show as annotations on the pull request's diff.
 */
final class GithubFormat {
  private GithubFormat() {}

  /** The annotations of a slice of findings (see {@link Format#inOrder}). */
  static String render(List<Finding> slice) {
    StringBuilder b = new StringBuilder(slice.size() * 400);
    for (Finding f : slice) {
      String level = switch (f.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "notice";
      };
      b.append("::").append(level)
          .append(" file=").append(property(f.file()))
          .append(",line=").append(f.line())
          .append(",col=").append(f.column())
          .append(",title=").append(property("ferry " + f.rule()))
          .append("::").append(data(f.message() + (f.remediation() == null ? "" : "\n" + f.remediation())))
          .append('\n');
    }
    return b.toString();
  }

  /** Escaping of a command's message (toolkit's escapeData). */
  static String data(String s) {
    return TerminalSafe.text(s.replace("%", "%25").replace("\r", "%0D")).replace("\n", "%0A");
  }

  /** Escaping of a command's property value (toolkit's escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
