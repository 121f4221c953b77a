package dev.ferry.core.load.stage;

import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;

/** One pass over a file's text for the first line longer than {@link Limits#LINE_CHARS}. */
public final class LongLines {
  private LongLines() {}

  /** Position of the first character past the limit, or null when every line fits. */
  public static Position first(String file, String text) {
    long max = Limits.LINE_CHARS.value();
    int line = 1;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int i = text.indexOf('\n', start);
      if (i < 0) i = n;
      if (i - start > max) return Position.of(file, line, (int) max + 1);
      line++;
      start = i + 1;
    }
    return null;
  }
}
