package dev.ferry.cli.command;

import dev.ferry.cli.ExitCode;
import dev.ferry.cli.FerryCommand.UserError;
import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.options.TranslateOptionsMixin;
import dev.ferry.core.explain.Alignment;
import dev.ferry.core.explain.Explanation;
import dev.ferry.core.explain.HtmlReport;
import dev.ferry.core.explain.SideBySide;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.Translator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry explain}: compose and Kubernetes side by side, in a terminal or as one HTML file. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Show each compose line next to the Kubernetes lines it becomes, with the reasons, a note per"
        + " construct and the findings (what could not be translated, what changed meaning).",
        "Default: two columns in the terminal (stacked below 100 columns). --html writes one self-contained page."})
public final class ExplainCommand implements Callable<Integer> {
  /** When to colour the terminal output. */
  public enum ColorMode { auto, always, never }

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin TranslateOptionsMixin translate;

  @Option(names = "--service", paramLabel = "NAME", description = "Explain only this service (and the objects made for it).")
  String service;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Output width, at least 40; more than 1000 is clamped to 1000. Default: $COLUMNS, else 120.")
  Integer width;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (a terminal and no NO_COLOR), always or never. Default: ${DEFAULT-VALUE}.")
  ColorMode color;

  @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report to FILE instead.")
  Path html;

  /** The process environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LoadResult r = ComposeLoader.load(project.toLoadOptions(environment));
    if (ConfigCommand.printDiagnostics(r, err, false)) return ExitCode.INVALID.code;
    if (service != null && !r.project().services().containsKey(service)) {
      throw new UserError("no service \"" + service + "\" in the project (services: "
          + String.join(", ", r.project().services().keySet()) + ")");
    }
    Translation t = Translator.translate(r.project(), r.sourceMap(), translate.toOptions());
    Explanation e = Explanation.of(Alignment.of(t, r.sourceMap(), r.fileTexts()), t.diagnostics(), service);
    if (html != null) {
      String title = r.project().name() == null ? "compose project" : r.project().name();
      write(html, HtmlReport.render(e, title));
      Explanation.Summary s = e.summary();
      err.println("ferry explain: wrote " + html + " (" + s.objects() + " objects; " + t.diagnostics().size() + " findings)");
      err.flush();
      return ExitCode.OK.code;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(SideBySide.render(e, new SideBySide.Options(width(), useColor(color, System.console() != null, environment))));
    out.flush();
    return ExitCode.OK.code;
  }

  /** Widest output explain draws: a wider --width or COLUMNS is clamped to it (each line is padded to the width). */
  static final int MAX_WIDTH = 1000;

  private int width() {
    if (width != null) {
      if (width < 40) throw new UserError("--width must be at least 40 (got " + width + ")");
      return Math.min(width, MAX_WIDTH);
    }
    String c = environment.get("COLUMNS");
    if (c != null) {
      try {
        int n = Integer.parseInt(c.trim());
        if (n >= 40) return Math.min(n, MAX_WIDTH);
      } catch (NumberFormatException ignored) {
        // not a number: the default
      }
    }
    return 120;
  }

  /** Colour when asked, or (auto) on a terminal whose environment does not say NO_COLOR or TERM=dumb. */
  static boolean useColor(ColorMode mode, boolean terminal, Map<String, String> env) {
    return switch (mode) {
      case always -> true;
      case never -> false;
      case auto -> terminal && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
          && !"dumb".equals(env.get("TERM"));
    };
  }

  /** Writes through a temporary file in the same directory and an atomic move: never a half-written report. */
  static void write(Path target, String content) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (Files.isDirectory(abs)) throw new UserError("cannot write " + target + ": it is a directory");
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the temp file's permissions stay
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
