package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;

/**
 * The written line two findings must share to be merged ({@link SharedLines}): the same rule and
 * severity at the same source position or, where the source map knows no position, at the same
 * model path. A finding with neither is never merged ({@link #of} gives null).
 */
record FindingKey(String rule, Severity severity, Position position, ModelPath path) {
  static FindingKey of(String rule, Severity severity, Position position, ModelPath path) {
    if (position != null && position.isKnown()) return new FindingKey(rule, severity, position, null);
    return path == null ? null : new FindingKey(rule, severity, null, path);
  }
}
