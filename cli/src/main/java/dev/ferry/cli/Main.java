package dev.ferry.cli;

import picocli.CommandLine;

/** Entry point: runs {@link FerryCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--cds-train")) System.exit(Training.run());
    System.exit(run(args));
  }

  public static int run(String... args) {
    return FerryCommand.commandLine().execute(args);
  }
}
