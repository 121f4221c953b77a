package dev.ferry.rules.api;

import dev.ferry.core.tree.MapNode;
import java.util.List;

/**
 * A rule {@code ferry lint --fix} can fix: it proposes text edits on one file as written, so
 * comments, anchors and formatting elsewhere survive. Edits of one call must not overlap; the
 * fixer re-parses and asks again until nothing changes, so a fix may do part of the work per call.
 */
public interface Fixable {
  /** The file as text and as parsed (before interpolation), and this rule's options. */
  record FixInput(String file, String text, MapNode parsed, RuleOptions options) {
    /** Offset of a 1-based line and column (columns count code points, like the parser's). */
    public int offset(int line, int column) {
      int off = 0;
      for (int l = 1; l < line; l++) {
        int nl = text.indexOf('\n', off);
        if (nl < 0) return text.length();
        off = nl + 1;
      }
      return text.offsetByCodePoints(off, Math.min(column - 1, text.codePointCount(off, lineEnd(off))));
    }

    /** Offset of the start of a 1-based line (text length past the end). */
    public int lineStart(int line) {
      return offset(line, 1);
    }

    private int lineEnd(int off) {
      int nl = text.indexOf('\n', off);
      return nl < 0 ? text.length() : nl;
    }
  }

  List<TextEdit> fixes(FixInput in);
}
