package dev.ferry.core.diag;

import dev.ferry.core.source.Position;

/**
 * One problem found while loading or translating: a kebab-case code (the lint rule id that reports
 * it), a severity, where it is, what is wrong, and optionally how to fix it. The service is the
 * compose service it concerns, or null.
 */
public record Diagnostic(
    String code, Severity severity, Position position, String message, String hint, String service) {

  public Diagnostic {
    if (position == null) position = Position.UNKNOWN;
  }

  public static Diagnostic error(String code, Position pos, String message) {
    return new Diagnostic(code, Severity.ERROR, pos, message, null, null);
  }

  public static Diagnostic warning(String code, Position pos, String message) {
    return new Diagnostic(code, Severity.WARNING, pos, message, null, null);
  }

  public static Diagnostic info(String code, Position pos, String message) {
    return new Diagnostic(code, Severity.INFO, pos, message, null, null);
  }

  public Diagnostic withService(String s) {
    return new Diagnostic(code, severity, position, message, hint, s);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: message} (the form every CLI error uses). */
  public String format() {
    return position + ": " + message;
  }
}
