package dev.ferry.cli.command;

import dev.ferry.cli.options.OutputDirOptions;
import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.options.TranslateOptionsMixin;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.StdOut;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.emit.ManifestFormat;
import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.text.TerminalSafe;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry convert}: compose project → Kubernetes manifests. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a compose project into Kubernetes manifests.",
        "Default: multi-document YAML on stdout; findings (what changed meaning) summarised on stderr."})
public final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin TranslateOptionsMixin translate;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write one file per object (<name>-<kind>.yaml) into DIR.")
  Path output;

  @Option(names = "--format", defaultValue = "yaml", description = "yaml or json. Default: ${DEFAULT-VALUE}.")
  ManifestFormat format;

  @Option(names = "--kustomize", description = "With -o: also write kustomization.yaml.")
  boolean kustomize;

  @Option(names = "--annotate", description = "Put a comment above each object naming its compose source.")
  boolean annotate;

  @Mixin OutputDirOptions outputDir;

  @Option(names = "--findings", description = "Print every finding on stderr (default: a summary line).")
  boolean findings;

  @Option(names = {"-q", "--quiet"}, description = "Print no findings summary.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LoadResult r = ComposeLoader.load(project.toLoadOptions());
    if (ConfigCommand.printDiagnostics(r, err, false)) return ExitCode.INVALID.code;
    Translation t = Translator.translate(r.project(), r.sourceMap(), translate.toOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      outputDir.write(output, ManifestWriter.files(t, r.sourceMap(), new ManifestWriter.Layout(format, annotate, kustomize)));
    } else if (format == ManifestFormat.json) {
      ManifestWriter.json(t, out::print);
    } else {
      ManifestWriter.yamlStream(t, r.sourceMap(), annotate, out::print);
    }
    StdOut.finish(out);
    if (!quiet) report(err, t.objects().size(), t.diagnostics(), findings);
    return ExitCode.OK.code;
  }

  /** Findings as {@code file:line:col: severity [id] message}, or one summary line. */
  static void report(PrintWriter err, int objects, List<Diagnostic> ds, boolean all) {
    if (all) {
      for (Diagnostic d : ds) {
        err.println(TerminalSafe.text(d.position() + ": " + d.severity().name().toLowerCase(Locale.ROOT) + " [" + d.code() + "] " + d.message()));
      }
    }
    long e = ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long w = ds.stream().filter(d -> d.severity() == Severity.WARNING).count();
    long i = ds.size() - e - w;
    err.println("ferry convert: " + objects + " objects; " + ds.size() + " findings (" + e + " errors, " + w
        + " warnings, " + i + " info)" + (all || ds.isEmpty() ? "" : "; --findings or ferry lint lists them"));
    err.flush();
  }
}
