package dev.ferry.cli.command;

import dev.ferry.cli.options.ColourOptions;
import dev.ferry.cli.options.ProjectOptions;
import dev.ferry.cli.options.TranslateOptionsMixin;
import dev.ferry.cli.support.ExitCode;
import dev.ferry.cli.support.FerryVersion;
import dev.ferry.cli.support.StdOut;
import dev.ferry.cli.support.UserError;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.emit.OutputDir;
import dev.ferry.core.emit.SafeFile;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.text.TerminalSafe;
import dev.ferry.core.translate.KubeVersion;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.engine.Fixer;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import dev.ferry.rules.engine.LintResult;
import dev.ferry.rules.report.Format;
import dev.ferry.rules.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry lint}: findings on compose files, for people and for CI. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Lint compose files: hygiene, and what will break or change meaning on Kubernetes.",
        "With no FILE|DIR and no -f: the compose file of the current directory (as docker compose finds it).",
        "A DIR lints every compose file under it, each with its override file."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no finding at or above --fail-on (with --fix-dry-run: nothing to fix)",
        "1:findings at or above --fail-on, or more warnings than --max-warnings (with --fix-dry-run: fixes to apply)",
        "2:usage error or unreadable path"})
public final class LintCommand implements Callable<Integer> {
  public enum FailOn { error, warning, info, never }

  private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose(\\.[A-Za-z0-9_-]+)*\\.ya?ml");

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Compose files or directories to lint, each its own project. A directory: every compose file under it, outside hidden, node_modules and target directories; a directory below it that cannot be read is skipped with a message.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text, compact, json, sarif, github, junit or codeclimate (GitLab Code Quality). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--fail-on", defaultValue = "error", description = "Exit 1 on findings at or above: error, warning, info or never. Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(names = "--max-warnings", paramLabel = "N", description = "Also exit 1 when there are more than N warnings (errors count too), whatever --fail-on says.")
  Integer maxWarnings;

  @Option(names = "--config", paramLabel = "FILE", description = "Lint configuration. Default: the nearest .ferry.yaml at or above each compose file.")
  Path config;

  @Option(names = "--fix", description = "Fix what the fixable rules can (quotes, version:, order), editing the files in place; then report what is left.")
  boolean fix;

  @Option(names = "--fix-dry-run", description = "Print the fixes as a unified diff; change nothing.")
  boolean fixDryRun;

  @Option(names = "--kube-version", paramLabel = "VERSION", defaultValue = "1.30",
      converter = TranslateOptionsMixin.KubeVersionConverter.class,
      description = "Kubernetes version the conversion targets, as for convert (1.30 to 1.36; default: ${DEFAULT-VALUE}).")
  KubeVersion kubeVersion = KubeVersion.OLDEST;

  @Option(names = {"-q", "--quiet"}, description = "Report errors only.")
  boolean quiet;

  @Mixin ColourOptions colour;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<LoadOptions> projects = projects(skipped -> err.println("ferry: " + TerminalSafe.text(skipped)));
    Map<Path, LintConfig> configs = new HashMap<>();
    LintConfig fixed = config == null ? null : loadConfig(config);

    if (fixDryRun || fix) {
      boolean any = false;
      for (LoadOptions p : projects) {
        for (Fixer.FileFix f : Fixer.fix(p, configFor(p, fixed, configs))) {
          if (!f.changed()) continue;
          any = true;
          String outside = outsideProject(p, f.path());
          if (outside != null) {
            err.println("ferry: not fixing " + f.display() + ": " + outside + " (name it on the command line to fix it)");
          } else if (fixDryRun) {
            out.print(f.diff());
          } else {
            write(f.path(), f.after());
          }
        }
      }
      if (fixDryRun) {
        StdOut.finish(out);
        return any ? ExitCode.FINDINGS.code : ExitCode.OK.code;
      }
    }

    List<LintResult> results = projects.parallelStream()
        .map(p -> LintEngine.lint(p, configFor(p, fixed, configs),
            TranslateOptions.defaults().withKubeVersion(kubeVersion)))
        .toList();
    for (LintResult r : results) {
      if (r.fileTexts().isEmpty() && !r.findings().isEmpty() && r.findings().get(0).rule().equals("file-missing")) {
        Finding f = r.findings().get(0); // nothing could be read: a usage error, not a lint finding
        throw new UserError(f.file() + ": " + f.message());
      }
    }
    Report report = report(results, projects.size());
    String version = new FerryVersion().getVersion()[0].replace("ferry ", "");
    format.write(report, colour.enabled(), version, out::print); // slices are written as they are ready
    StdOut.finish(out);
    Severity threshold = switch (failOn) {
      case error -> Severity.ERROR;
      case warning -> Severity.WARNING;
      case info -> Severity.INFO;
      case never -> null;
    };
    boolean fails = threshold != null && report.findings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    if (maxWarnings != null && maxWarnings < 0) throw new UserError("--max-warnings must be 0 or more, got " + maxWarnings);
    if (maxWarnings != null && report.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).count() > maxWarnings) {
      fails = true;
    }
    return fails ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  /** The findings of every project, each once (a file two projects share is linted twice), with -q errors only. */
  private Report report(List<LintResult> results, int projects) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (LintResult r : results) texts.putAll(r.fileTexts());
    if (results.size() == 1 && !quiet) { // one project's findings are each once already
      return new Report(results.get(0).findings(), texts, projects);
    }
    Map<Finding.Identity, Finding> all = new LinkedHashMap<>();
    for (LintResult r : results) {
      for (Finding f : r.findings()) {
        if (quiet && f.severity() != Severity.ERROR) continue;
        all.putIfAbsent(f.identity(), f);
      }
    }
    return new Report(List.copyOf(all.values()), texts, projects);
  }

  /**
   * The projects to lint: -f files as one project, each FILE, each compose file under each DIR, or
   * discovery; a directory under a DIR that cannot be read is passed over and told to {@code skipped}.
   */
  List<LoadOptions> projects(Consumer<String> skipped) {
    LoadOptions base = project.toLoadOptions();
    List<LoadOptions> out = new ArrayList<>();
    if (!project.files.isEmpty()) out.add(base);
    for (Path p : paths) {
      Path abs = base.workingDirectory().resolve(p).normalize();
      if (Files.isDirectory(abs)) {
        List<Path> found = composeFilesUnder(abs, skipped);
        if (found.isEmpty()) throw new UserError(p + ": no compose files under this directory");
        for (Path f : found) out.add(with(base, projectFiles(f)));
      } else if (Files.isRegularFile(abs)) {
        if (!Files.isReadable(abs)) throw new UserError(p + ": not readable");
        out.add(with(base, List.of(abs)));
      } else {
        throw new UserError(p + ": no such file or directory");
      }
    }
    if (out.isEmpty()) out.add(base);
    return out;
  }

  private static LoadOptions with(LoadOptions b, List<Path> files) {
    return b.toBuilder().clearFiles().files(files).projectDirectory(null).build();
  }

  /** A main compose file and, when it has one, its override file. */
  private static List<Path> projectFiles(Path main) {
    String n = main.getFileName().toString();
    int dot = n.lastIndexOf('.');
    Path ov = main.resolveSibling(n.substring(0, dot) + ".override" + n.substring(dot));
    return Files.isRegularFile(ov) ? List.of(main, ov) : List.of(main);
  }

  /** Main compose files under a directory (override files go with their main file), sorted. */
  static List<Path> composeFilesUnder(Path dir, Consumer<String> skipped) throws UserError {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          String n = d.getFileName() == null ? "" : d.getFileName().toString();
          if (!d.equals(dir) && (n.startsWith(".") || n.equals("node_modules") || n.equals("target"))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          String n = f.getFileName().toString();
          if (COMPOSE_NAME.matcher(n).matches() && !n.contains(".override.")) out.add(f);
          return FileVisitResult.CONTINUE;
        }

        /**
         * A directory below DIR that cannot be read (a container's data directory, often 0700 and
         * another user's) is passed over with a message, not the end of the whole lint.
         */
        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
          if (f.equals(dir)) throw e;
          skipped.accept("skipped " + f + ": " + reason(e) + " (compose files in it, if any, are not linted)");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UserError(dir + ": cannot read: " + reason(e));
    }
    out.sort(null);
    return out;
  }

  private LintConfig configFor(LoadOptions p, LintConfig fixed, Map<Path, LintConfig> cache) {
    if (fixed != null) return fixed;
    Path dir = p.files().isEmpty() ? p.workingDirectory()
        : p.workingDirectory().resolve(p.files().get(0)).toAbsolutePath().normalize().getParent();
    synchronized (cache) {
      LintConfig c = cache.get(dir);
      if (c == null) {
        try {
          c = LintConfig.find(dir);
        } catch (IOException e) {
          throw new UserError("cannot read lint configuration: " + e.getMessage());
        } catch (LintConfig.InvalidConfig e) {
          throw new UserError(e.getMessage());
        }
        cache.put(dir, c);
      }
      return c;
    }
  }

  private static LintConfig loadConfig(Path f) {
    if (!Files.isRegularFile(f)) throw new UserError(f + ": no such file");
    try {
      return LintConfig.load(f);
    } catch (IOException e) {
      throw new UserError(f + ": cannot read: " + e.getMessage());
    } catch (LintConfig.InvalidConfig e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * Why {@code file} is not to be edited, or null: --fix changes only files under the project
   * directory (real paths) or named on the command line; a file reached through include or
   * extends from elsewhere (../shared/base.yaml) is left alone.
   */
  private String outsideProject(LoadOptions p, Path file) {
    try {
      Path real = file.toRealPath();
      List<Path> named = new ArrayList<>(paths);
      named.addAll(project.files);
      for (Path n : named) {
        Path abs = p.workingDirectory().resolve(n);
        if (Files.exists(abs) && abs.toRealPath().equals(real)) return null;
      }
      Path wd = p.workingDirectory();
      Path dir = p.projectDirectory() != null ? wd.resolve(p.projectDirectory())
          : p.files().isEmpty() ? wd : wd.resolve(p.files().get(0)).toAbsolutePath().normalize().getParent();
      return real.startsWith(dir.toRealPath()) ? null : "it is outside the project directory " + dir;
    } catch (IOException e) {
      return "cannot resolve it: " + e.getMessage();
    }
  }

  /** Edits a file through ferry's safe writer: mode, owner and links kept; only regular files. */
  private static void write(Path file, String text) {
    try {
      SafeFile.edit(file, text);
    } catch (OutputDir.Refused e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError(file + ": cannot write the fix: " + e.getMessage());
    }
  }

  static {
    // keep the default-file list the loader uses and the DIR walk in step
    assert ComposeLoader.DEFAULT_FILES.stream().allMatch(n -> COMPOSE_NAME.matcher(n).matches());
  }

  /** What went wrong reading a path, in words (Java's message for a refused directory is only its name). */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "removed while it was read";
    return e.getMessage() == null ? "cannot read it" : e.getMessage();
  }
}
