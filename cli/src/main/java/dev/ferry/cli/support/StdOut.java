package dev.ferry.cli.support;

import java.io.PrintWriter;

/**
 * Standard output that cannot fail silently: a PrintWriter swallows write errors (a full disk,
 * {@code > /dev/full}, a closed pipe), so every command ends its output here and a lost write
 * becomes an error with exit code 2 instead of a green CI run with no output.
 */
public final class StdOut {
  private StdOut() {}

  /** Flushes {@code out}; throws a {@link UserError} when anything written was lost. */
  public static void finish(PrintWriter out) {
    out.flush();
    if (out.checkError()) {
      throw new UserError("cannot write to standard output (disk full, or the reader closed the pipe);"
          + " the output is incomplete");
    }
  }
}
