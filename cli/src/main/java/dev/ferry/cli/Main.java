package dev.ferry.cli;

import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.FerryVersion;
import dev.ferry.core.emit.EmitWarmUp;
import dev.ferry.core.load.ComposeLoader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Entry point: runs {@link FerryCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--cds-train")) System.exit(Training.run());
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building its command model (most of a bare start-up).
      System.out.println(new FerryVersion().getVersion()[0]);
      return;
    }
    warmUpInBackground(args);
    System.exit(run(args));
  }

  /**
   * Commands that load a project get the schema compiled on a second core while they start; those
   * that emit manifests then get the emitter's serializers built there too ({@link EmitWarmUp}).
   */
  private static void warmUpInBackground(String[] args) {
    if (args.length == 0) return;
    boolean emits = switch (args[0]) {
      case "convert", "chart", "explain" -> true;
      default -> false;
    };
    if (!emits && !List.of("config", "lint").contains(args[0])) return;
    Thread t = new Thread(() -> {
      ComposeLoader.warmUp();
      if (emits) EmitWarmUp.run();
    }, "ferry-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Runs one command with standard output and error in UTF-8 whatever the locale (picocli's
   * default writers use the platform charset, ASCII under {@code LANG=C}, where every non-ASCII
   * character of a manifest became '?'), straight on file descriptors 1 and 2: {@code System.out}
   * is a PrintStream, which keeps write errors to itself, so {@code > /dev/full} exited 0. Flushed
   * after each line printed, as picocli's are; the descriptors are flushed, not closed, at the end.
   */
  public static int run(String... args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    try {
      CommandLine cl = FerryCommand.commandLineFor(args);
      cl.setOut(out);
      cl.setErr(err);
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return lastNet(out, err, "out of memory: the input is too large for this JVM's heap "
          + "(raise it with FERRY_JAVA_OPTS=-Xmx..., or split the input)");
    } catch (StackOverflowError e) {
      return lastNet(out, err, "the input is nested too deeply for this JVM's stack "
          + "(raise it with FERRY_JAVA_OPTS=-Xss..., or flatten the input)");
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A UTF-8 writer on {@code fd}, buffered as picocli's own (a write error reaches {@code checkError}). */
  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8)), true);
  }

  /**
   * The last net for a JVM error that escaped every command (picocli passes Errors through):
   * one line, no stack trace, exit 2. The loader's {@code Limits} refuse such inputs long before.
   */
  private static int lastNet(PrintWriter out, PrintWriter err, String message) {
    out.flush();
    err.println("ferry: " + message);
    err.flush();
    return ExitCode.INVALID.code;
  }
}
