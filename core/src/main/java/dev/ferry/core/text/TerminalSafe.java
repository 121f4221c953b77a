package dev.ferry.core.text;

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
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = unsafe(c, keepNewlines) ? replacement(c) : null;
      if (r == null) {
        if (b != null) b.append(c);
        continue;
      }
      if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
      b.append(r);
    }
    return b == null ? s : b.toString();
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
      default -> c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    };
  }
}
