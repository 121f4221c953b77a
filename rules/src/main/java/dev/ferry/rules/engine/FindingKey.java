package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;

/**
 * The written line two findings must share to be merged ({@link SharedLines}): the same rule and
 * severity at the same source position or, where the source map knows no position, at the same
 * model path. A finding with neither is never merged ({@link #of} gives null). {@code message} is
 * null except for a translation finding kept apart from another message at its line.
 */
record FindingKey(String rule, Severity severity, Position position, ModelPath path, String message) {
  static FindingKey of(String rule, Severity severity, Position position, ModelPath path) {
    if (position != null && position.isKnown()) return new FindingKey(rule, severity, position, null, null);
    return path == null ? null : new FindingKey(rule, severity, null, path, null);
  }

  /** The same line, for one message only: a finding that must not be merged with other messages there. */
  FindingKey withMessage(String text) {
    return new FindingKey(rule, severity, position, path, text);
  }
}
