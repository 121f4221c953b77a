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
    Parser p = new Parser(s.replace("\r\n", "\n").replace('\r', '\n'), lookup);
    p.run();
    return new Result(p.values, p.problems);
  }

  /** One pass over a file's text ({@code \n} line ends), line by line; {@code line} is the 1-based current line. */
  private static final class Parser {
    private final String s;
    private final Function<String, String> lookup;
    private final LinkedHashMap<String, String> values = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Interpolator.Budget budget = new Interpolator.Budget();
    private int line = 1;

    Parser(String s, Function<String, String> lookup) {
      this.s = s;
      this.lookup = lookup;
    }

    void run() {
      int i = 0;
      while (i < s.length()) {
        i = entry(i);
        line++;
      }
    }

    /** A variable's value for interpolation: the environment first, then keys defined earlier in the file. */
    private String chain(String k) {
      String v = lookup.apply(k);
      return v != null ? v : values.get(k);
    }

    /** Reads the line starting at {@code i} (and the lines a quoted value spans); returns where the next line starts. */
    private int entry(int i) {
      int eol = s.indexOf('\n', i);
      if (eol < 0) eol = s.length();
      int p = skipBlank(s, i, eol);
      if (p >= eol || s.charAt(p) == '#') return eol + 1;
      if (s.startsWith("export ", p) || s.startsWith("export\t", p)) p = skipBlank(s, p + 7, eol);
      int keyStart = p;
      while (p < eol && isKeyChar(s.charAt(p))) p++;
      String key = s.substring(keyStart, p);
      int afterKey = skipBlank(s, p, eol);
      if (key.isEmpty()) {
        problems.add(new Problem(line, keyStart - i + 1, "invalid line: expected KEY=VALUE"));
      } else if (afterKey >= eol || s.charAt(afterKey) == '#') {
        String v = lookup.apply(key); // KEY alone: taken from the environment, absent when unset
        if (v != null) values.put(key, v);
      } else if (s.charAt(afterKey) != '=' && s.charAt(afterKey) != ':') {
        problems.add(new Problem(line, afterKey - i + 1, "invalid key \"" + s.substring(keyStart, Math.min(eol, afterKey + 1)).trim()
            + "\": keys may contain only letters, digits, '_', '.' and '-'"));
      } else {
        int v = skipBlank(s, afterKey + 1, eol);
        if (v < s.length() && (s.charAt(v) == '\'' || s.charAt(v) == '"')) return quoted(key, i, eol, v);
        unquoted(key, i, eol, v);
      }
      return eol + 1;
    }

    /** The quoted value at {@code v} (it may span lines); returns where the line after its closing quote starts. */
    private int quoted(String key, int lineStart, int eol, int v) {
      char q = s.charAt(v);
      int end = closingQuote(s, v + 1, q);
      if (end < 0) {
        problems.add(new Problem(line, v - lineStart + 1, "unterminated " + (q == '"' ? "double" : "single") + "-quoted value for " + key));
        return eol + 1;
      }
      String raw = s.substring(v + 1, end);
      String value = q == '\'' ? raw : interpolate(unescape(raw), this::chain, budget, line, v + 1 - lineStart, problems);
      values.put(key, value);
      line += count(s, v, end, '\n');
      int next = s.indexOf('\n', end);
      int rest = skipBlank(s, end + 1, next < 0 ? s.length() : next);
      if (rest < (next < 0 ? s.length() : next) && s.charAt(rest) != '#') {
        problems.add(new Problem(line, rest - (s.lastIndexOf('\n', rest - 1) + 1) + 1, "unexpected text after the quoted value of " + key));
      }
      return next < 0 ? s.length() : next + 1;
    }

    /** The unquoted value at {@code v}: up to a comment, trimmed, interpolated. */
    private void unquoted(String key, int lineStart, int eol, int v) {
      String raw = s.substring(v, eol);
      int hash = commentStart(raw);
      if (hash >= 0) raw = raw.substring(0, hash);
      values.put(key, interpolate(raw.strip(), this::chain, budget, line, v - lineStart, problems));
    }
  }

  /** Interpolates one value; a value over a {@link dev.ferry.core.load.limits.Limits} bound is a problem at its variable. */
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
