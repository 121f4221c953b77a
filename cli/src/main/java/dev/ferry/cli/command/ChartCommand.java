package dev.ferry.cli.command;

import dev.ferry.cli.options.OutputDirOptions;
import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.options.TranslateOptionsMixin;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.UserError;
import dev.ferry.core.emit.OutputDirStaging;
import dev.ferry.core.helm.ChartWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry chart}: compose project → a Helm chart whose default render is the convert output. */
@Command(name = "chart", mixinStandardHelpOptions = true,
    description = {"Write a Helm chart for a compose project into DIR.",
        "With default values it renders exactly what `ferry convert` emits; values.yaml says where each default came from."})
public final class ChartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin TranslateOptionsMixin translate;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory to write the chart into.")
  Path output;

  @Option(names = "--name", paramLabel = "NAME", description = "Chart name (made DNS-safe). Default: the project name.")
  String name;

  @Option(names = "--chart-version", paramLabel = "V", defaultValue = "0.1.0", description = "Chart version (SemVer). Default: ${DEFAULT-VALUE}.")
  String chartVersion;

  @Option(names = "--app-version", paramLabel = "V", description = "appVersion. Default: the image tag of the first service that publishes ports.")
  String appVersion;

  @Mixin OutputDirOptions outputDir;

  /** The output directory being written, once the chart's file names are known. */
  private OutputDirStaging staging;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!ChartWriter.isSemver(chartVersion)) {
      throw new UserError("--chart-version must be a SemVer version such as 0.1.0 or 1.2.3-rc.1, not \"" + chartVersion + "\"");
    }
    if (name != null && name.isBlank()) throw new UserError("--name must not be empty");
    if (appVersion != null && appVersion.isBlank()) throw new UserError("--app-version must not be empty");
    Chart chart;
    try {
      chart = chart(err);
      if (chart == null) return ExitCode.INVALID.code;
      OutputDirOptions.commit(output, staging, chart.files());
    } finally {
      if (staging != null) staging.close(); // after a failure: the temporary files go, DIR is as it was
    }
    if (!quiet) {
      err.println("ferry chart: " + chart.name() + " (" + chart.objects() + " objects, "
          + chart.files().size() + " files) in " + output + "; " + chart.findings() + " findings (ferry lint lists them)");
      err.flush();
    }
    return ExitCode.OK.code;
  }

  /** A chart's staged files and the counts its summary line reports. */
  private record Chart(String name, int objects, int findings, List<OutputDirStaging.Staged> files) {}

  /**
   * Loads, translates and makes the chart's files, each written to a temporary file in DIR as it is
   * made (null after printing the load errors): DIR is checked once the names are known, before the
   * first file; only the files' names and digests stay in memory. The project and its translation
   * end with this method.
   */
  private Chart chart(PrintWriter err) {
    LoadResult r = ComposeLoader.load(project.toLoadOptions());
    if (ConfigCommand.printDiagnostics(r, err, false)) return null;
    Translation t = Translator.translate(r.project(), r.sourceMap(), translate.toOptions());
    Map<String, OutputDirStaging.Staged> files = ChartWriter.write(r.project(), r.sourceMap(), t,
        new ChartWriter.Options(name, chartVersion, appVersion), names -> {
          staging = outputDir.open(output, names);
          OutputDirStaging out = staging;
          return (file, text) -> OutputDirOptions.stage(output, out, file, text);
        });
    return new Chart(ChartWriter.chartName(r.project(), name), t.objects().size(), t.diagnostics().size(), List.copyOf(files.values()));
  }
}
