package dev.ferry.rules.api;

import java.util.Locale;

/** What kind of problem a rule finds. */
public enum Category {
  SCHEMA,
  HYGIENE,
  SECURITY,
  MIGRATION,
  PORTABILITY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
