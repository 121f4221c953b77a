package dev.ferry.core.emit;

import java.util.Locale;
import java.util.Set;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The one quoting rule for every YAML ferry writes: a string is written plain only when no YAML
 * reader ferry's output meets would take it for something else. kubectl and Helm read YAML 1.1
 * (go-yaml v2: {@code y}/{@code n}/{@code on}/{@code off} booleans, {@code 0x1F}, {@code 0b101},
 * {@code 017}, {@code 1_000}, base-60 {@code 12:00} and {@code 190:20:30.15}, the merge key
 * {@code <<}, the value key {@code =}); YAML 1.2 core readers add {@code 0o17}, {@code .inf},
 * {@code .nan}. So any string that resolves to a bool, int (any base), float, null, timestamp, merge
 * or value key under either schema is quoted, keys included. One pass over the string, no regular
 * expression: linear in its length (a 1 MB value costs one scan).
 */
public final class PlainScalars extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;

  /** Words that resolve to a bool or null in YAML 1.1 or 1.2, and the merge and value keys. */
  private static final Set<String> WORDS = Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<", "=");

  @Override
  public boolean needToQuoteName(String name) {
    return resolvesToNonString(name) || nameHasQuotableChar(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return resolvesToNonString(value) || valueHasQuotableChar(value);
  }

  @Override
  protected boolean isReservedKeyword(String value) {
    return resolvesToNonString(value);
  }

  @Override
  protected boolean looksLikeYAMLNumber(String value) {
    return resolvesToNonString(value);
  }

  /** Whether a YAML 1.1 or 1.2 reader would read {@code s}, written plain, as anything but this string. */
  public static boolean resolvesToNonString(String s) {
    if (s.isEmpty() || WORDS.contains(s) || timestamp(s)) return true;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || c == '_' || c == '.' || c == ':' || c == '+' || c == '-';
      if (!ok) return false; // every non-string form uses only these characters
    }
    return number(s);
  }

  private static boolean number(String s) {
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    String t = s.substring(i);
    if (t.isEmpty()) return false;
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals(".inf") || lower.equals(".nan")) return true;
    if (t.length() > 2 && t.charAt(0) == '0') {
      char b = Character.toLowerCase(t.charAt(1));
      if (b == 'x') return all(t, 2, "0123456789abcdefABCDEF_");
      if (b == 'o') return all(t, 2, "01234567_");
      if (b == 'b') return all(t, 2, "01_");
    }
    if (t.indexOf(':') >= 0) return sexagesimal(t);
    return decimal(t);
  }

  /** {@code [0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?}, over-approximated: digits in every part. */
  private static boolean sexagesimal(String t) {
    int start = 0;
    int part = 0;
    while (true) {
      int colon = t.indexOf(':', start);
      int end = colon < 0 ? t.length() : colon;
      String p = t.substring(start, end);
      if (part == 0) {
        if (p.isEmpty() || !isDigit(p.charAt(0)) || !all(p, 0, "0123456789_")) return false;
      } else if (colon >= 0) {
        if (p.isEmpty() || p.length() > 2 || !all(p, 0, "0123456789")) return false;
      } else {
        int dot = p.indexOf('.');
        String whole = dot < 0 ? p : p.substring(0, dot);
        if (whole.isEmpty() || whole.length() > 2 || !all(whole, 0, "0123456789")) return false;
        return dot < 0 || all(p, dot + 1, "0123456789_");
      }
      if (colon < 0) return part > 0;
      start = colon + 1;
      part++;
    }
  }

  /** Ints and floats of both schemas: digits, underscores and dots, at most one exponent. */
  private static boolean decimal(String t) {
    int e = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == 'e' || c == 'E') {
        e = i;
        break;
      }
    }
    String mantissa = e < 0 ? t : t.substring(0, e);
    if (mantissa.isEmpty() || !all(mantissa, 0, "0123456789_.")) return false;
    boolean digit = false;
    int dots = 0;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      digit |= isDigit(c);
      if (c == '.') dots++;
    }
    // readers (go-yaml, SnakeYAML, PyYAML) take one dot at most: "1.2.3" and "10.0.0.5" stay strings
    if (!digit || dots > 1) return false;
    if (e < 0) return true;
    int j = e + 1;
    if (j < t.length() && (t.charAt(j) == '+' || t.charAt(j) == '-')) j++;
    return j < t.length() && all(t, j, "0123456789");
  }

  /** A YAML 1.1 timestamp starts {@code YYYY-M-D} and ends there or goes on with a time after T or a blank. */
  private static boolean timestamp(String s) {
    if (s.length() < 8 || s.charAt(4) != '-') return false;
    for (int i = 0; i < 4; i++) if (!isDigit(s.charAt(i))) return false;
    int i = digits(s, 5);
    if (i == 5 || i > 7 || i >= s.length() || s.charAt(i) != '-') return false;
    int j = digits(s, i + 1);
    if (j == i + 1 || j > i + 3) return false;
    if (j == s.length()) return true;
    char c = s.charAt(j);
    return c == 'T' || c == 't' || c == ' ' || c == '\t';
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) i++;
    return i;
  }

  private static boolean all(String s, int from, String allowed) {
    for (int i = from; i < s.length(); i++) if (allowed.indexOf(s.charAt(i)) < 0) return false;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
