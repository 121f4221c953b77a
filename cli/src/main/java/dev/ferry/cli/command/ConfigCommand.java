package dev.ferry.cli.command;

import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.StdOut;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.emit.ConfigWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.text.TerminalSafe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry config}: the resolved, canonical project as YAML (like {@code docker compose config}). */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print the resolved, canonical compose project (variables interpolated, files merged, long syntax).")
public final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--quiet", description = "Only validate; print nothing on success.")
  boolean quiet;

  @Option(names = "--warnings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Print warnings (e.g. unset variables) on stderr. Default: on.")
  boolean warnings;

  @Override
  public Integer call() {
    LoadResult r = ComposeLoader.load(project.toLoadOptions());
    PrintWriter err = spec.commandLine().getErr();
    if (printDiagnostics(r, err, warnings)) return ExitCode.INVALID.code;
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      ConfigWriter.write(r.project(), out::print);
      StdOut.finish(out);
    }
    return ExitCode.OK.code;
  }

  /** Prints errors (and warnings when asked) as {@code file:line:col: message}; true when there were errors. */
  public static boolean printDiagnostics(LoadResult r, PrintWriter err, boolean warnings) {
    for (Diagnostic d : r.diagnostics()) {
      if (d.isError()) err.println(TerminalSafe.text(d.format()));
      else if (warnings && d.severity() == Severity.WARNING) err.println(TerminalSafe.text(d.position() + ": warning: " + d.message()));
    }
    err.flush();
    return r.hasErrors() || r.project() == null;
  }
}
