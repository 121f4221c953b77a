package dev.ferry.core.load.env;

import dev.ferry.core.load.limits.Limits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Compose variable interpolation (compose-go's template semantics): {@code $V}, {@code ${V}},
 * {@code ${V:-d}}, {@code ${V-d}}, {@code ${V:?e}}, {@code ${V?e}}, {@code ${V:+a}},
 * {@code ${V+a}}, {@code $$} for a literal {@code $}; defaults, alternates and error texts may nest
 * further substitutions. Never throws: problems come back with their offset in the raw string.
 */
public final class Interpolator {
  private Interpolator() {}

  /**
   * A problem: error (required variable, invalid syntax, a {@link Limits} bound) or warning (unset
   * variable). {@code limit} marks the bound on interpolation output.
   */
  public record Problem(boolean error, int offset, String message, boolean limit) {
    public Problem(boolean error, int offset, String message) {
      this(error, offset, message, false);
    }
  }

  public record Result(String value, List<Problem> problems) {}

  /**
   * How much interpolation may produce: {@link Limits#INTERPOLATED_CHARS} per value and
   * {@link Limits#INTERPOLATED_TOTAL} over every value interpolated with the same budget (one
   * file), so {@code A=${B}${B}...} stops at the variable that crosses a bound instead of
   * multiplying into gigabytes.
   */
  public static final class Budget {
    private long used;

    /** Characters produced so far with this budget. */
    public long used() {
      return used;
    }

    /** Adds {@code chars} produced elsewhere (interpolation of part of the file on another thread). */
    public void charge(long chars) {
      used += chars;
    }
  }

  /** {@code lookup} returns null for an unset variable ("" is set-but-empty). */
  public static Result interpolate(String raw, Function<String, String> lookup) {
    return interpolate(raw, lookup, new Budget());
  }

  /** As {@link #interpolate(String, Function)}, charging the output to {@code budget}. */
  public static Result interpolate(String raw, Function<String, String> lookup, Budget budget) {
    List<Problem> problems = new ArrayList<>();
    StringBuilder out = new StringBuilder(raw.length());
    Scanner scanner = new Scanner(raw, lookup, problems, null);
    scanner.budget = budget;
    try {
      scanner.run(0, raw.length(), out, 0);
    } catch (OverLimit e) {
      return new Result(raw, List.copyOf(problems)); // the value is refused: keep the text as written
    }
    budget.used += out.length();
    return new Result(out.toString(), List.copyOf(problems));
  }

  /** Unwinds the scanner once a bound is crossed (the problem is already recorded). */
  private static final class OverLimit extends RuntimeException {
    OverLimit() {
      super(null, null, false, false);
    }
  }

  /** Escapes a literal value so interpolation returns it unchanged. */
  public static String escape(String value) {
    return value.replace("$", "$$");
  }

  /** The variable names a string references (in order, without duplicates). */
  public static List<String> referencedVariables(String raw) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    new Scanner(raw, k -> null, new ArrayList<>(), names).run(0, raw.length(), new StringBuilder(), 0);
    return List.copyOf(names);
  }

  static boolean nameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean namePart(char c) {
    return nameStart(c) || (c >= '0' && c <= '9');
  }

  private static final class Scanner {
    private final String s;
    private final Function<String, String> lookup;
    private final List<Problem> problems;
    private final LinkedHashSet<String> names;
    private Budget budget;

    Scanner(String s, Function<String, String> lookup, List<Problem> problems, LinkedHashSet<String> names) {
      this.s = s;
      this.lookup = lookup;
      this.problems = problems;
      this.names = names;
    }

    /** Substitutes s[from, to) into out. Depth bounds nesting. */
    void run(int from, int to, StringBuilder out, int depth) {
      int i = from;
      while (i < to) {
        char c = s.charAt(i);
        if (c != '$' || i + 1 >= to) {
          out.append(c);
          i++;
          continue;
        }
        char n = s.charAt(i + 1);
        if (n == '$') {
          out.append('$');
          i += 2;
        } else if (n == '{') {
          int close = matchingBrace(i + 1, to);
          if (close < 0) {
            problems.add(new Problem(true, i, "invalid interpolation format for \"" + s.substring(i, to) + "\": unterminated ${"));
            out.append(s, i, to);
            return;
          }
          braced(i, close, out, depth);
          i = close + 1;
        } else if (nameStart(n)) {
          int j = i + 1;
          while (j < to && namePart(s.charAt(j))) j++;
          String name = s.substring(i + 1, j);
          append(out, value(name, i), i);
          i = j;
        } else {
          out.append(c);
          i++;
        }
      }
    }

    /** Index of the '}' closing the '{' at {@code open}, honouring nested ${...}; -1 if none. */
    private int matchingBrace(int open, int to) {
      int depth = 0;
      for (int i = open; i < to; i++) {
        char c = s.charAt(i);
        if (c == '$' && i + 1 < to && s.charAt(i + 1) == '$') {
          i++;
        } else if (c == '$' && i + 1 < to && s.charAt(i + 1) == '{') {
          depth++;
          i++;
        } else if (c == '{' && i == open) {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) return i;
        }
      }
      return -1;
    }

    private void braced(int dollar, int close, StringBuilder out, int depth) {
      int start = dollar + 2;
      int j = start;
      while (j < close && namePart(s.charAt(j))) j++;
      String name = s.substring(start, j);
      if (name.isEmpty() || !nameStart(name.charAt(0))) {
        invalid(dollar, close);
        return;
      }
      if (j == close) {
        append(out, value(name, dollar), dollar);
        return;
      }
      String op;
      if (s.startsWith(":-", j) || s.startsWith(":?", j) || s.startsWith(":+", j)) op = s.substring(j, j + 2);
      else if ("-?+".indexOf(s.charAt(j)) >= 0) op = s.substring(j, j + 1);
      else {
        invalid(dollar, close);
        return;
      }
      int argFrom = j + op.length();
      if (names != null) names.add(name);
      String v = lookup.apply(name);
      boolean colon = op.startsWith(":");
      boolean unsetOrEmpty = v == null || (colon && v.isEmpty());
      char kind = op.charAt(op.length() - 1);
      if (depth > 50) {
        invalid(dollar, close);
        return;
      }
      switch (kind) {
        case '-' -> {
          if (unsetOrEmpty) run(argFrom, close, out, depth + 1);
          else append(out, v, dollar);
        }
        case '+' -> {
          if (!unsetOrEmpty) run(argFrom, close, out, depth + 1);
        }
        default -> { // '?'
          if (unsetOrEmpty) {
            StringBuilder msg = new StringBuilder();
            run(argFrom, close, msg, depth + 1);
            String detail = msg.length() > 0 ? msg.toString() : (colon ? "empty or unset" : "unset");
            problems.add(new Problem(true, dollar, "required variable " + name + " is missing a value: " + detail));
          } else {
            append(out, v, dollar);
          }
        }
      }
    }

    /** Appends a variable's value, stopping at the variable that makes the output cross a bound. */
    private void append(StringBuilder out, String v, int offset) {
      if (budget != null) {
        long len = (long) out.length() + v.length();
        Limits over = Limits.INTERPOLATED_CHARS.exceededBy(len) ? Limits.INTERPOLATED_CHARS
            : Limits.INTERPOLATED_TOTAL.exceededBy(budget.used + len) ? Limits.INTERPOLATED_TOTAL : null;
        if (over != null) {
          problems.add(new Problem(true, offset, (over == Limits.INTERPOLATED_CHARS
              ? "interpolation makes this value longer than " + over.value() + " characters "
              : "interpolation makes the values of this file longer than " + over.value() + " characters in all ")
              + over.tag(), true));
          throw new OverLimit();
        }
      }
      out.append(v);
    }

    private void invalid(int dollar, int close) {
      problems.add(new Problem(true, dollar, "invalid interpolation format for \"" + s.substring(dollar, close + 1) + "\""));
    }

    private String value(String name, int offset) {
      if (names != null) names.add(name);
      String v = lookup.apply(name);
      if (v == null) {
        problems.add(new Problem(false, offset, "variable " + name + " is not set, defaulting to a blank string"));
        return "";
      }
      return v;
    }
  }
}
