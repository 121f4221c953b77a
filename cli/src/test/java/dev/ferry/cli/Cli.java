package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
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
  static final Pattern TRACE = Pattern.compile("\\b[a-z]\\w*(\\.\\w+)+(Exception|Error)\\b|\\w+Exception\\b|\tat [\\w$.<>/]+\\(");

  static Cli run(String... args) {
    Cli r = unchecked(args);
    assertNoTrace(r.err());
    return r;
  }

  /** {@link #run} without the stack-trace check: for a caller that measures the command alone. */
  static Cli unchecked(String... args) {
    CommandLine cl = FerryCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * Fails when {@code stderr} shows a Java exception or stack trace. The pattern runs only on the
   * lines that could match: under Jazzer's regex hooks, which hand the input to the fuzzer at each
   * step, matching megabytes of findings took 12 s.
   */
  static void assertNoTrace(String stderr) {
    assertNoTrace(stderr, List.of());
  }

  /**
   * {@link #assertNoTrace(String)} for a run over {@code inputs} (the project's file texts): what
   * the user wrote is no trace, so a match that the inputs hold (a key named {@code
   * environException} echoed in a finding) is passed over. A stack frame must look like one.
   */
  static void assertNoTrace(String stderr, Collection<String> inputs) {
    for (String line : stderr.split("\n")) {
      if (!line.contains("Exception") && !line.contains("Error") && !line.contains("\tat ")) continue;
      Matcher m = TRACE.matcher(line);
      while (m.find()) {
        if (inputs.stream().anyMatch(in -> in.contains(m.group()))) continue;
        throw new AssertionError("a Java exception or stack trace reached the user ('" + m.group() + "'):\n" + stderr);
      }
    }
  }

  /**
   * Whether stderr holds the report FerryCommand prints for an internal error: its two lines, the
   * second alone on its line. A bare {@code contains("internal error")} failed on a finding that
   * quoted the user's value {@code BIG:internal error}.
   */
  static boolean internalError(String stderr) {
    String[] lines = stderr.split("\n", -1);
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("ferry: internal error: ")
          && lines[i + 1].equals("(run with --debug for details)")) return true;
    }
    return false;
  }
}
