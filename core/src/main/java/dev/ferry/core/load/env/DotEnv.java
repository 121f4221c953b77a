package dev.ferry.core.load.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Env-file syntax as compose reads {@code .env} and {@code env_file}: {@code KEY=VALUE} or
 * {@code KEY: VALUE}, optional {@code export }, {@code #} comments (whole line, or after whitespace
 * in an unquoted value), single-quoted values literal (may span lines), double-quoted values with
 * escapes (may span lines), unquoted values trimmed; {@code KEY} alone takes the variable from the
 * environment (absent when unset). Unquoted and double-quoted values are interpolated, the
 * environment first, then keys defined earlier in the file. Never throws; bad lines are problems
 * and parsing goes on.
 */
public final class DotEnv {
  private DotEnv() {}

  public record Problem(int line, int column, String message) {}

  public record Result(LinkedHashMap<String, String> values, List<Problem> problems) {}

  /**
   * An env file in compose's {@code format: raw}: each line is {@code KEY=VALUE} taken literally
   * (no quotes removed, no interpolation, no comments after the value); blank lines and lines
   * starting with {@code #} are skipped.
   */
  public static Result parseRaw(String content) {
    String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
    LinkedHashMap<String, String> values = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String l = lines[n];
      if (l.isBlank() || l.stripLeading().startsWith("#")) continue;
      int eq = l.indexOf('=');
      String key = (eq < 0 ? l : l.substring(0, eq)).strip();
      if (key.isEmpty() || !key.chars().allMatch(c -> isKeyChar((char) c))) {
        problems.add(new Problem(n + 1, 1, "invalid line: expected KEY=VALUE"));
        continue;
      }
      if (eq >= 0) values.put(key, l.substring(eq + 1));
    }
    return new Result(values, problems);
  }

  public static Result parse(String content, Function<String, String> lookup) {
    String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    LinkedHashMap<String, String> values = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    Interpolator.Budget budget = new Interpolator.Budget();
    Function<String, String> chain = k -> {
      String v = lookup.apply(k);
      return v != null ? v : values.get(k);
    };
    int i = 0;
    int line = 1;
    while (i < s.length()) {
      int eol = s.indexOf('\n', i);
      if (eol < 0) eol = s.length();
      int p = skipBlank(s, i, eol);
      if (p >= eol || s.charAt(p) == '#') {
        i = eol + 1;
        line++;
        continue;
      }
      if (s.startsWith("export ", p) || s.startsWith("export\t", p)) p = skipBlank(s, p + 7, eol);
      int keyStart = p;
      while (p < eol && isKeyChar(s.charAt(p))) p++;
      String key = s.substring(keyStart, p);
      int afterKey = skipBlank(s, p, eol);
      if (key.isEmpty()) {
        problems.add(new Problem(line, keyStart - i + 1, "invalid line: expected KEY=VALUE"));
        i = eol + 1;
        line++;
        continue;
      }
      if (afterKey >= eol || s.charAt(afterKey) == '#') {
        String v = lookup.apply(key);
        if (v != null) values.put(key, v);
        i = eol + 1;
        line++;
        continue;
      }
      char sep = s.charAt(afterKey);
      if (sep != '=' && sep != ':') {
        problems.add(new Problem(line, afterKey - i + 1, "invalid key \"" + s.substring(keyStart, Math.min(eol, afterKey + 1)).trim()
            + "\": keys may contain only letters, digits, '_', '.' and '-'"));
        i = eol + 1;
        line++;
        continue;
      }
      int v = skipBlank(s, afterKey + 1, eol);
      int lineStart = i;
      if (v < s.length() && (s.charAt(v) == '\'' || s.charAt(v) == '"')) {
        char q = s.charAt(v);
        int end = closingQuote(s, v + 1, q);
        if (end < 0) {
          problems.add(new Problem(line, v - lineStart + 1, "unterminated " + (q == '"' ? "double" : "single") + "-quoted value for " + key));
          i = eol + 1;
          line++;
          continue;
        }
        String raw = s.substring(v + 1, end);
        String value = q == '\'' ? raw : interpolate(unescape(raw), chain, budget, line, v + 1 - lineStart, problems);
        values.put(key, value);
        line += count(s, v, end, '\n');
        int next = s.indexOf('\n', end);
        int rest = skipBlank(s, end + 1, next < 0 ? s.length() : next);
        if (rest < (next < 0 ? s.length() : next) && s.charAt(rest) != '#') {
          problems.add(new Problem(line, rest - (s.lastIndexOf('\n', rest - 1) + 1) + 1, "unexpected text after the quoted value of " + key));
        }
        i = next < 0 ? s.length() : next + 1;
        line++;
        continue;
      }
      String raw = s.substring(v, eol);
      int hash = commentStart(raw);
      if (hash >= 0) raw = raw.substring(0, hash);
      raw = raw.strip();
      values.put(key, interpolate(raw, chain, budget, line, v - i, problems));
      i = eol + 1;
      line++;
    }
    return new Result(values, problems);
  }

  /** Interpolates one value; a value over a {@link dev.ferry.core.load.Limits} bound is a problem at its variable. */
  private static String interpolate(String raw, Function<String, String> chain, Interpolator.Budget budget,
      int line, int column0, List<Problem> problems) {
    Interpolator.Result r = Interpolator.interpolate(raw, chain, budget);
    for (Interpolator.Problem p : r.problems()) {
      if (p.limit()) problems.add(new Problem(line, column0 + p.offset() + 1, p.message()));
    }
    return r.value();
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static int skipBlank(String s, int i, int end) {
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    return i;
  }

  private static int closingQuote(String s, int from, char q) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return -1;
  }

  /** A '#' preceded by whitespace starts a comment in an unquoted value. */
  private static int commentStart(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && (i == 0 || raw.charAt(i - 1) == ' ' || raw.charAt(i - 1) == '\t')) return i;
    }
    return -1;
  }

  private static int count(String s, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == c) n++;
    return n;
  }

  private static String unescape(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        b.append(c);
        continue;
      }
      char n = raw.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '$' -> b.append("$$"); // stays a literal $ through interpolation
        default -> b.append('\\').append(n);
      }
    }
    return b.toString();
  }
}
