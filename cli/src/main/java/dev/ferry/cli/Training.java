package dev.ferry.cli;

import dev.ferry.core.emit.EmitWarmUp;
import dev.ferry.rules.report.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The launcher's class-data-sharing training run ({@code ferry --cds-train}, not a user command):
 * runs every subcommand once on a bundled example, in-process and with output discarded, so the
 * CDS archive written at exit holds the classes a real run loads, whatever the user runs first.
 */
final class Training {
  private Training() {}

  static int run() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ferry-train");
      Path compose = dir.resolve("compose.yaml");
      try (InputStream in = Training.class.getResourceAsStream("training/compose.yaml")) {
        Files.copy(in, compose);
      }
      String f = compose.toString();
      CommandLine root = FerryCommand.commandLine();
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
      List<String[]> runs = new ArrayList<>();
      runs.add(new String[] {"config", "-f", f});
      runs.add(new String[] {"convert", "-f", f});
      runs.add(new String[] {"convert", "-f", f, "-o", dir.resolve("out").toString()});
      runs.add(new String[] {"convert", "--format", "json", "-f", f});
      for (Format format : Format.values()) {
        runs.add(new String[] {"lint", "--format", format.name(), "-f", f});
      }
      runs.add(new String[] {"lint", "--fail-on", "never", dir.toString()});
      runs.add(new String[] {"rules"});
      runs.add(new String[] {"chart", "-f", f, "-o", dir.resolve("chart").toString()});
      runs.add(new String[] {"explain", "-f", f});
      EmitWarmUp.run(); // what Main's warm-up thread loads for convert, chart and explain
      for (String[] args : runs) {
        if (!root.getSubcommands().containsKey(args[0])) continue;
        CommandLine cl = FerryCommand.commandLineFor(args);
        cl.setOut(sink);
        cl.setErr(sink);
        cl.execute(args);
      }
      return 0;
    } catch (IOException e) {
      return 0; // training is best effort: the archive is then smaller, never wrong
    } finally {
      if (dir != null) deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // temp files left behind are harmless
    }
  }
}
