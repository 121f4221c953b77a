package dev.ferry.core.emit;

import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;

/**
 * Where an offset of a text being written lies (1-based line and column), for the writers that
 * record a {@link LineIndex} as they write ({@link BlockYaml}, {@link DirectYaml}): each character
 * is scanned once as the text grows, and again only when the text is cut back.
 */
final class LineTracker {
  /** How far the text has been scanned for line breaks, the line there (1-based) and where that line starts. */
  private int scanned;
  private int line = 1;
  private int lineStart;

  /** Ready for a new text. */
  void reset() {
    scanned = 0;
    line = 1;
    lineStart = 0;
  }

  /** Opens {@code index}'s entry at {@code p}, which starts at offset {@code at} of {@code b}; its handle. */
  int open(LineIndex.Builder index, ModelPath p, StringBuilder b, int at) {
    for (int n = Math.min(at, b.length()); scanned < n; scanned++) {
      if (b.charAt(scanned) == '\n') {
        line++;
        lineStart = scanned + 1;
      }
    }
    return index.open(p, line, at - lineStart + 1);
  }

  /** {@code b} is about to be cut back to {@code at}: what was scanned past it is unscanned. */
  void cut(StringBuilder b, int at) {
    if (scanned <= at) return;
    for (int i = at; i < scanned; i++) if (b.charAt(i) == '\n') line--;
    scanned = at;
    lineStart = b.lastIndexOf("\n", at - 1) + 1;
  }
}
