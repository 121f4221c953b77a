package dev.ferry.rules.api;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.Position;

/**
 * One lint finding: the rule id, its (possibly configured) severity, the message (prefixed by
 * nothing: reports add the id), where it is (1-based line and column, in the file that defined the
 * offending key), the compose service or null, and the remediation.
 */
public record Finding(
    String rule, Severity severity, String message, Position position, String service, String remediation) {

  public String file() {
    return position.file();
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, message, position, service, remediation);
  }

  /** What makes two findings one when shown: the same rule says the same thing at the same place. */
  public record Identity(String rule, Position position, String message) {}

  public Identity identity() {
    return new Identity(rule, position, message);
  }
}
