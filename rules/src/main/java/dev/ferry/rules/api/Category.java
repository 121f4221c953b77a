package dev.ferry.rules.api;

/** What kind of problem a rule finds. */
public enum Category {
  SCHEMA,
  HYGIENE,
  SECURITY,
  MIGRATION,
  PORTABILITY;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
