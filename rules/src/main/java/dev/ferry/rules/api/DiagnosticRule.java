package dev.ferry.rules.api;

/**
 * A rule whose findings come from the loader or the converter (the code that knows), not from a
 * check of its own: it carries the metadata (id, severity, docs) and the engine maps diagnostics
 * with its id onto it. One source of truth for what convert reports and what lint shows.
 */
public abstract class DiagnosticRule implements Rule {
  @Override
  public final void check(RuleContext ctx) {
    // findings arrive as diagnostics of the loader or the translation
  }
}
