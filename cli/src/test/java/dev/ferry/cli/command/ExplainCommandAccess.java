package dev.ferry.cli.command;

import java.util.Map;

/** Test access to {@link ExplainCommand}'s package-private helpers. */
public final class ExplainCommandAccess {
  private ExplainCommandAccess() {}

  public static boolean useColor(String mode, boolean terminal, Map<String, String> env) {
    return ExplainCommand.useColor(ExplainCommand.ColorMode.valueOf(mode), terminal, env);
  }
}
