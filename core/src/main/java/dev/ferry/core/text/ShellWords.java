package dev.ferry.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string the way compose does (POSIX-shell-like word splitting, as in Go's
 * shellwords): whitespace separates words; single quotes are literal; double quotes allow {@code \"}
 * {@code \\} {@code \$} escapes; a backslash outside quotes escapes the next character. No variable
 * or glob expansion. An unterminated quote keeps the rest as one word (and {@link #split} reports it
 * through {@link Result#error()}).
 */
public final class ShellWords {
  private ShellWords() {}

  public record Result(List<String> words, String error) {}

  public static Result split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'') {
        if (c == '\'') quote = 0;
        else cur.append(c);
        continue;
      }
      if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
          char nx = s.charAt(++i);
          if (nx != '\n') cur.append(nx);
        } else {
          cur.append(c);
        }
        continue;
      }
      if (c == '\\' && i + 1 < s.length()) {
        char nx = s.charAt(++i);
        if (nx != '\n') cur.append(nx);
        inWord = true;
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) out.add(cur.toString());
    return new Result(out, quote != 0 ? "unterminated " + (quote == '"' ? "double" : "single") + " quote" : null);
  }

  public static List<String> words(String s) {
    return split(s).words();
  }

  /** Joins words back into a string a shell would split into the same words. */
  public static String join(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (b.length() > 0) b.append(' ');
      b.append(quote(w));
    }
    return b.toString();
  }

  public static String quote(String w) {
    if (!w.isEmpty() && w.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./:=,@%+".indexOf(ch) >= 0)) {
      return w;
    }
    return "'" + w.replace("'", "'\"'\"'") + "'";
  }
}
