package dev.ferry.rules.report;

/** Output formats of {@code ferry lint}. */
public enum Format {
  text, json, sarif, github, junit;

  /** Renders a report; {@code colour} only matters for text. */
  public String render(Report r, boolean colour, String version) {
    return switch (this) {
      case text -> TextFormat.render(r, colour);
      case json -> JsonFormat.render(r);
      case sarif -> SarifFormat.render(r, version);
      case github -> GithubFormat.render(r);
      case junit -> JunitFormat.render(r);
    };
  }
}
