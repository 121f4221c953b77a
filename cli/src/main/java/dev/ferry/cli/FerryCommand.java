package dev.ferry.cli;

import dev.ferry.cli.command.ChartCommand;
import dev.ferry.cli.command.ConfigCommand;
import dev.ferry.cli.command.ConvertCommand;
import dev.ferry.cli.command.ExplainCommand;
import dev.ferry.cli.command.LintCommand;
import dev.ferry.cli.command.RulesCommand;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.FerryVersion;
import dev.ferry.cli.support.UserError;
import dev.ferry.core.text.TerminalSafe;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The top-level {@code ferry} command; subcommands are listed in {@link #SUBCOMMANDS}, one class
 * each. They are added programmatically so that a run of one subcommand builds only that one's
 * picocli model (building all of them costs a noticeable part of start-up).
 */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    versionProvider = FerryVersion.class,
    description = "Carries Docker Compose applications over to Kubernetes: lint, convert, chart, explain.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:invalid input or usage (file:line:col: message)"
    })
public final class FerryCommand implements Runnable {
  /** Every subcommand: name → factory (in the order help lists them). */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    // Lambdas, not constructor references: a reference loads its class when the map is built, a
    // lambda only when the command is run, so `ferry lint` does not load the other commands.
    SUBCOMMANDS.put("config", () -> new ConfigCommand());
    SUBCOMMANDS.put("convert", () -> new ConvertCommand());
    SUBCOMMANDS.put("lint", () -> new LintCommand());
    SUBCOMMANDS.put("rules", () -> new RulesCommand());
    SUBCOMMANDS.put("chart", () -> new ChartCommand());
    SUBCOMMANDS.put("explain", () -> new ExplainCommand());
    SUBCOMMANDS.put("help", () -> new CommandLine.HelpCommand());
  }

  @Spec CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces for internal errors.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A path argument, or a message instead of picocli's {@code InvalidPathException} text: a name
   * with a NUL, or (under an ASCII locale, which the launcher avoids where it can) characters the
   * JVM cannot map to a file name.
   */
  static Path path(String s) {
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      String jnu = System.getProperty("sun.jnu.encoding", "");
      String hint = e.getReason().contains("unmappable") || e.getReason().contains("Malformed")
          ? " (this JVM reads file names as " + jnu + "; run it under a UTF-8 locale, e.g. LC_ALL=C.UTF-8)"
          : "";
      throw new CommandLine.TypeConversionException("'" + s + "' is not a file name: " + e.getReason().toLowerCase(Locale.ROOT) + hint);
    }
  }

  /** The configured command line: exit codes and error handling shared by every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS.keySet());
  }

  /** The command line for {@code args}: only the subcommand named first, when there is one. */
  public static CommandLine commandLineFor(String... args) {
    if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
      return commandLine(List.of(args[0]));
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return commandLine(List.of()); // the version needs no subcommand models
    }
    return commandLine();
  }

  private static CommandLine commandLine(Collection<String> names) {
    CommandLine cl = new CommandLine(new FerryCommand());
    for (String n : names) cl.addSubcommand(n, SUBCOMMANDS.get(n).get());
    cl.registerConverter(Path.class, FerryCommand::path); // after the subcommands: picocli gives them the converters there are
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(t -> ExitCode.INVALID.code);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("ferry: " + TerminalSafe.text(ex.getMessage()));
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
        err.println("ferry: " + TerminalSafe.text(ue.getMessage()));
      } else {
        err.println("ferry: internal error: " + TerminalSafe.text(String.valueOf(ex)));
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
}
