package dev.ferry.cli.command;

import dev.ferry.cli.options.ColourOptions;
import java.util.Map;

/** Test access to {@link ExplainCommand}'s package-private helpers. */
public final class ExplainCommandAccess {
  private ExplainCommandAccess() {}

  public static boolean useColor(String mode, boolean terminal, Map<String, String> env) {
    return ColourOptions.enabled(ColourOptions.When.valueOf(mode), terminal, env);
  }
}
