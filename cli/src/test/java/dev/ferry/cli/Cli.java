package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process, capturing exit code, stdout and stderr. */
record Cli(int code, String out, String err) {
  static Cli run(String... args) {
    CommandLine cl = FerryCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
