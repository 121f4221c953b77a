package dev.ferry.core.text;

import java.util.Locale;

/**
 * Text from a compose file made safe to print on a terminal or in a CI log: control characters
 * (ESC, BEL, CR, backspace, DEL, the C1 range) and the Unicode bidirectional overrides are written
 * as visible escapes ({@code \e}, {@code \a}, {@code \r}, {@code \x7f}, {@code \u202e}), so a key or
 * value cannot move the cursor, rewrite earlier lines, retitle the window or reorder what is shown.
 * A tab stays (code frames align carets with it); a newline is escaped unless the caller keeps it.
 */
public final class TerminalSafe {
  private TerminalSafe() {}

  /** One line of text: every control character escaped, newlines included. */
  public static String line(String s) {
    return escape(s, false);
  }

  /** Multi-line text: newlines kept, every other control character escaped. */
  public static String text(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean keepNewlines) {
    if (s == null) return null;
    // Nearly every string is printable ASCII: two comparisons per character find that out, and
    // the string itself is returned (this ran for every line of every report).
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if ((c < 0x20 || c >= 0x7f) && unsafe(c, keepNewlines)) return escapeFrom(s, i, keepNewlines);
    }
    return s;
  }

  /** {@code s} with its unsafe characters escaped, the first of them at {@code first}. */
  private static String escapeFrom(String s, int first, boolean keepNewlines) {
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c, keepNewlines)) b.append(replacement(c));
      else b.append(c);
    }
    return b.toString();
  }

  private static boolean unsafe(char c, boolean keepNewlines) {
    if (c == '\t' || (c == '\n' && keepNewlines)) return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  private static String replacement(char c) {
    return switch (c) {
      case 0x1b -> "\\e";
      case 0x07 -> "\\a";
      case '\r' -> "\\r";
      case '\n' -> "\\n";
      case '\b' -> "\\b";
      default -> c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    };
  }
}
