package dev.ferry.cli.command;

import dev.ferry.cli.options.ColourOptions;
import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.options.TranslateOptionsMixin;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.StdOut;
import dev.ferry.cli.support.UserEnvironment;
import dev.ferry.cli.support.UserError;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.emit.OutputDir;
import dev.ferry.core.emit.SafeFile;
import dev.ferry.core.explain.ExplainDiff;
import dev.ferry.core.explain.Explanation;
import dev.ferry.core.explain.HtmlReport;
import dev.ferry.core.explain.SideBySide;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin TranslateOptionsMixin translate;

  @Option(names = "--service", paramLabel = "NAME", description = "Explain only this service (and the objects made for it).")
  String service;

  @Option(names = "--width", paramLabel = "COLUMNS", description = "Output width, at least 40; more than 1000 is clamped to 1000. Default: $COLUMNS, else 120.")
  Integer width;

  @Mixin ColourOptions colour;

  @Option(names = "--brief", description = "Fold what repeats (\"same as wait-for-redis\") and runs of ferry's defaults.")
  boolean brief;

  @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report to FILE instead.")
  Path html;

  @Option(names = "--diff", arity = "2", paramLabel = "FILE",
      description = "OLD NEW: two versions of a compose file; show the Kubernetes fields each compose change moved"
          + " (text, or HTML with --html). The other project options apply to both.")
  List<Path> diff;

  /** The process environment; tests replace it. */
  Map<String, String> environment = UserEnvironment.get();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (diff != null) return diff(err);
    Made made = make(err);
    if (made == null) return ExitCode.INVALID.code;
    Explanation e = made.explanation();
    if (html != null) {
      write(html, w -> HtmlReport.render(e, made.title(), w));
      Explanation.Summary s = e.summary();
      err.println("ferry explain: wrote " + html + " (" + s.objects() + " objects; " + made.findings() + " findings)");
      err.flush();
      return ExitCode.OK.code;
    }
    PrintWriter out = spec.commandLine().getOut();
    SideBySide.write(e, new SideBySide.Options(width(), colour.enabled(System.console() != null, environment), brief), out);
    StdOut.finish(out);
    return ExitCode.OK.code;
  }

  /** The explanation, the page title and the translation's number of findings. */
  private record Made(Explanation explanation, String title, int findings) {}

  /**
   * Loads, translates and explains; null when the project has errors (printed). The load and the
   * translation live only in this frame: what the explanation keeps of them (the objects, the
   * links, the compose texts) stays, the rest (the project tree, the source map) can be collected
   * while the page is written.
   */
  private Made make(PrintWriter err) {
    LoadResult r = ComposeLoader.load(withOutlines());
    if (ConfigCommand.printDiagnostics(r, err, false)) return null;
    if (service != null && !r.project().services().containsKey(service)) {
      throw new UserError("no service \"" + service + "\" in the project (services: "
          + String.join(", ", r.project().services().keySet()) + ")");
    }
    Translation t = Translator.translate(r.project(), r.sourceMap(), translate.toOptions());
    Explanation e = Explanation.of(ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts(), Alignment.ComposeIndexer.fromOutlines(r.outlines())), findings(r, t), service);
    String title = r.project().name() == null ? "compose project" : r.project().name();
    return new Made(e, title, t.diagnostics().size());
  }

  /** The project's load options, keeping each compose file's outline (its lines by path) from the loader's reading of it. */
  private LoadOptions withOutlines() {
    return project.toLoadOptions(environment).toBuilder().outlines(true).build();
  }

  /** What the loader warned about (a missing env_file, an unset variable) and then the translation's findings. */
  public static List<Diagnostic> findings(LoadResult r, Translation t) {
    List<Diagnostic> all = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) if (!d.isError()) all.add(d);
    all.addAll(t.diagnostics());
    return all;
  }

  /** {@code --diff OLD NEW}: both versions converted and compared field by field. */
  private int diff(PrintWriter err) {
    Alignment[] side = new Alignment[2];
    for (int i = 0; i < 2; i++) {
      project.files = List.of(diff.get(i));
      LoadResult r = ComposeLoader.load(withOutlines());
      if (ConfigCommand.printDiagnostics(r, err, false)) return ExitCode.INVALID.code;
      Translation t = Translator.translate(r.project(), r.sourceMap(), translate.toOptions());
      side[i] = ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts(), Alignment.ComposeIndexer.fromOutlines(r.outlines()));
    }
    ExplainDiff d = ExplainDiff.of(side[0], side[1]);
    String oldName = diff.get(0).toString();
    String newName = diff.get(1).toString();
    if (html != null) {
      String page = d.html(oldName, newName);
      write(html, w -> w.write(page));
      err.println("ferry explain: wrote " + html + " (" + d.groups().size() + " compose changes)");
      err.flush();
      return ExitCode.OK.code;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(d.text(oldName, newName));
    StdOut.finish(out);
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

  /**
   * Writes the report through ferry's safe writer: 0600 (it shows values of the project), never
   * replacing a device, FIFO, link or directory, never creating directories; the page is written
   * as it is made, and a failure part way leaves no file (and an earlier report as it was).
   */
  static void write(Path target, SafeFile.Body page) {
    try {
      SafeFile.stream(target, true, page);
    } catch (OutputDir.Refused e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage());
    }
  }
}
