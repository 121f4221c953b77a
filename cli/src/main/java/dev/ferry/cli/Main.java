package dev.ferry.cli;

import picocli.CommandLine;

/** Entry point: runs {@link FerryCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--cds-train")) System.exit(Training.run());
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building its command model (most of a bare start-up).
      System.out.println(new FerryCommand.Version().getVersion()[0]);
      return;
    }
    warmUpInBackground(args);
    System.exit(run(args));
  }

  /** Commands that load a project get the schema compiled on a second core while they start. */
  private static void warmUpInBackground(String[] args) {
    if (args.length == 0) return;
    switch (args[0]) {
      case "config", "convert", "lint", "chart", "explain" -> {
        Thread t = new Thread(dev.ferry.core.load.ComposeLoader::warmUp, "ferry-warm-up");
        t.setDaemon(true);
        t.start();
      }
      default -> { }
    }
  }

  public static int run(String... args) {
    return FerryCommand.commandLineFor(args).execute(args);
  }
}
