package dev.ferry.core.diag;

import java.util.Locale;

/** How bad a diagnostic or finding is. Ordered: ERROR is the most severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Severity parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
