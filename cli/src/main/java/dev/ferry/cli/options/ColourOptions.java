package dev.ferry.cli.options;

import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --color WHEN}, shared by the commands that colour terminal output (lint, explain). */
public final class ColourOptions {
  /** When to colour. */
  public enum When { auto, always, never }

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (a terminal and no NO_COLOR), always or never. Default: ${DEFAULT-VALUE}.")
  When when = When.auto;

  /** Colour for this process: stdout is a terminal (a console) and its environment allows it. */
  public boolean enabled() {
    return enabled(when, System.console() != null, System.getenv());
  }

  public boolean enabled(boolean terminal, Map<String, String> env) {
    return enabled(when, terminal, env);
  }

  /**
   * Colour when asked, or (auto) on a terminal whose environment does not say NO_COLOR (set and not
   * empty, as no-color.org defines it) or TERM=dumb.
   */
  public static boolean enabled(When when, boolean terminal, Map<String, String> env) {
    return switch (when) {
      case always -> true;
      case never -> false;
      case auto -> terminal && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
          && !"dumb".equals(env.get("TERM"));
    };
  }
}
