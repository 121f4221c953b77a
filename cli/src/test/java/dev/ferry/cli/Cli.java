package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs the CLI in-process, capturing exit code, stdout and stderr. Every run of every CLI test
 * also checks that no Java exception or stack trace reached the user: stderr naming an
 * {@code Exception}/{@code Error} class or holding a {@code \tat } frame fails the test.
 */
record Cli(int code, String out, String err) {
  /** A Java throwable's class name or a stack frame, as the JVM prints them. */
  static final Pattern TRACE = Pattern.compile("\\b[a-z]\\w*(\\.\\w+)+(Exception|Error)\\b|\\w+Exception\\b|\tat ");

  static Cli run(String... args) {
    CommandLine cl = FerryCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    String e = err.toString();
    assertNoTrace(e);
    return new Cli(code, out.toString(), e);
  }

  /** Fails when {@code stderr} shows a Java exception or stack trace. */
  static void assertNoTrace(String stderr) {
    Matcher m = TRACE.matcher(stderr);
    if (m.find()) {
      throw new AssertionError("a Java exception or stack trace reached the user ('" + m.group() + "'):\n" + stderr);
    }
  }
}
