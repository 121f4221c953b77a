package dev.ferry.cli;

import dev.ferry.cli.command.ConfigCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code ferry} command; subcommands are listed here, one class each. */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    versionProvider = FerryCommand.Version.class,
    description = "Carries Docker Compose applications over to Kubernetes: lint, convert, chart, explain.",
    subcommands = {
      ConfigCommand.class,
      dev.ferry.cli.command.ConvertCommand.class,
      dev.ferry.cli.command.LintCommand.class,
      dev.ferry.cli.command.RulesCommand.class,
      dev.ferry.cli.command.ExplainCommand.class,
      dev.ferry.cli.command.ChartCommand.class,
      CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:invalid input or usage (file:line:col: message)"
    })
public final class FerryCommand implements Runnable {
  @Spec CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces for internal errors.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: exit codes and error handling shared by every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FerryCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(t -> ExitCode.INVALID.code);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("ferry: " + ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      return ExitCode.INVALID.code;
    });
    cl.setExecutionExceptionHandler((ex, line, parse) -> {
      PrintWriter err = line.getErr();
      boolean debug = parse.matchedOption("--debug") != null
          || (parse.subcommand() != null && hasDebug(parse));
      if (ex instanceof UserError ue) {
        err.println("ferry: " + ue.getMessage());
      } else {
        err.println("ferry: internal error: " + ex);
        if (debug) ex.printStackTrace(err);
        else err.println("(run with --debug for details)");
      }
      err.flush();
      return ExitCode.INVALID.code;
    });
    return cl;
  }

  private static boolean hasDebug(CommandLine.ParseResult p) {
    for (CommandLine.ParseResult r = p; r != null; r = r.subcommand()) {
      if (r.matchedOption("--debug") != null) return true;
    }
    return false;
  }

  /** A problem in the user's input or environment: printed without a stack trace, exit 2. */
  public static final class UserError extends RuntimeException {
    public UserError(String message) {
      super(message, null, false, false);
    }
  }

  /** Prints the version from the jar manifest (or "dev"). */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FerryCommand.class.getPackage().getImplementationVersion();
      return new String[] {"ferry " + (v == null ? "0.1.0-dev" : v)};
    }
  }
}
