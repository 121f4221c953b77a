package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.env.DotEnv;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.load.stage.Bind;
import dev.ferry.core.load.stage.Canonicalise;
import dev.ferry.core.load.stage.Consistency;
import dev.ferry.core.load.stage.Merge;
import dev.ferry.core.load.stage.Profiles;
import dev.ferry.core.load.stage.SchemaCheck;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The loader, thin: discover files, resolve the environment, then run the stages (each file:
 * parse, interpolate, cast, check, extends; then include, merge, profiles, canonicalise, bind,
 * consistency). Collects every diagnostic; never throws for bad input.
 */
public final class ComposeLoader {
  public static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  private ComposeLoader() {}

  /**
   * Compiles the compose-spec schema now (the most expensive one-time step of a load). The CLI calls
   * it on a second thread at start-up, so the compilation overlaps argument parsing, file reading
   * and YAML parsing instead of following them.
   */
  public static void warmUp() {
    SchemaCheck.warmUp();
  }

  public static LoadResult load(LoadOptions opts) {
    Diagnostics diags = new Diagnostics();
    Sources sources = new Sources(opts.workingDirectory(), opts.outlines());
    List<Path> files = resolveFiles(opts, diags, sources);
    if (files.isEmpty()) {
      return new LoadResult(null, SourceMap.empty(), sources.redact(diags.sorted()), Map.of(), sources.texts(), sources.outlines());
    }
    Path projectDir = (opts.projectDirectory() != null
        ? opts.workingDirectory().resolve(opts.projectDirectory())
        : files.get(0).getParent()).toAbsolutePath().normalize();
    sources.confine(projectDir, files);
    Environment env = Environment.resolve(opts, projectDir, sources, diags);
    FileStages stages = new FileStages(projectDir, env, sources, diags, opts.strict());

    MapNode merged = null;
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      MapNode doc = stages.loadTopFile(f);
      names.add(sources.display(f));
      if (doc == null) continue; // its reading errors are reported, and the stages know it is incomplete
      merged = merged == null ? doc : Merge.mergeProjects(merged, doc);
    }
    if (merged != null && tooManyServices(merged, diags)) {
      stages.awaitSchemaChecks();
      return new LoadResult(null, SourceMap.empty(), diags.sorted(), sources.parsed(), sources.texts(), sources.outlines());
    }
    // With errors, the later stages still run so that every error of the files is reported at
    // once (a retries: 10s and an undefined depends_on target in one run, not one per run); the
    // project is returned only when recovering for lint. When a file could not be read at all,
    // the later stages would see a partial project and report errors that are not there.
    if (merged == null || (!opts.recover() && stages.incomplete())) stages.awaitSchemaChecks();
    if (merged == null || (diags.hasErrors() && !opts.recover() && stages.incomplete())) {
      return new LoadResult(null, SourceMap.empty(), sources.redact(diags.sorted()), sources.parsed(), sources.texts(), sources.outlines());
    }
    // The later stages run while the schema checks do; whether their findings count in full or
    // only where no earlier error is (see recover) is decided once the checks are in.
    // (What binding reads, env and label files, may add errors of its own as it goes: they do not
    // count here, as binding came after this decision when the stages ran one after the other.)
    boolean errors = diags.hasErrors();
    Later later = Later.run(opts, merged, names, stages, env, projectDir);
    if (stages.awaitSchemaChecks()) errors = true;
    if (errors) {
      LoadResult r = recover(later, diags, sources);
      return opts.recover() ? r : new LoadResult(null, SourceMap.empty(), r.diagnostics(), r.parsedFiles(), r.fileTexts(), r.outlines());
    }
    if (later.failure() != null) throw later.failure();
    diags.addAll(later.diags().all());
    return new LoadResult(later.project(), later.map(), sources.redact(diags.sorted()), sources.parsed(), sources.texts(), sources.outlines());
  }

  /**
   * The stages after merging (strip tags, profiles, canonicalise, source map, bind, consistency),
   * their findings kept apart; a failure is kept too, and the project and map are then null.
   */
  private record Later(Project project, SourceMap map, Diagnostics diags, RuntimeException failure) {
    static Later run(LoadOptions opts, MapNode merged, List<String> names, FileStages stages, Environment env,
        Path projectDir) {
      Diagnostics late = new Diagnostics();
      try {
        MapNode m = Profiles.apply(Merge.stripTags(merged), env.profiles(), late);
        MapNode canonical = Canonicalise.apply(m, env::lookup, late);
        SourceMap map = SourceMaps.of(canonical);
        String name = projectName(opts, canonical, env, projectDir);
        Project project = Bind.project(name, projectDir.toString(), canonical, names, stages.bindFiles(), late);
        Consistency.check(project, map, late);
        return new Later(project, map, late, null);
      } catch (RuntimeException e) {
        return new Later(null, null, late, e);
      }
    }
  }

  /** {@link Limits#SERVICES}: refused at the first service over the limit, before any later stage runs. */
  private static boolean tooManyServices(MapNode merged, Diagnostics diags) {
    if (!(merged.get("services") instanceof MapNode services)
        || !Limits.SERVICES.exceededBy(services.entries().size())) {
      return false;
    }
    MapNode.Entry first = services.entries().stream().skip(Limits.SERVICES.value()).findFirst().orElseThrow();
    diags.error("yaml-syntax", first.keyPosition(), "more than " + Limits.SERVICES.value() + " services "
        + Limits.SERVICES.tag());
    return true;
  }

  /**
   * The later stages on a project that already has errors: their own findings about positions
   * already reported are dropped (one problem, one finding), and a shape the binder cannot read
   * leaves the project out rather than failing the load.
   */
  private static LoadResult recover(Later later, Diagnostics diags, Sources sources) {
    Project project = later.failure() == null ? later.project() : null;
    SourceMap map = later.failure() == null ? later.map() : SourceMap.empty();
    Set<Position> seen = new HashSet<>();
    for (Diagnostic d : diags.all()) seen.add(d.position());
    for (Diagnostic d : later.diags().all()) if (!seen.contains(d.position())) diags.add(d);
    return new LoadResult(project, map, sources.redact(diags.sorted()), sources.parsed(), sources.texts(), sources.outlines());
  }

  private static List<Path> resolveFiles(LoadOptions opts, Diagnostics diags, Sources sources) {
    List<Path> out = new ArrayList<>();
    List<Path> given = ComposeVariables.files(opts);
    if (!given.isEmpty()) {
      for (Path f : given) {
        Path abs = opts.workingDirectory().resolve(f).normalize();
        if (!Files.isRegularFile(abs)) {
          diags.error("file-missing", Position.of(sources.display(abs), 1, 1),
              Files.isDirectory(abs) ? "is a directory, not a compose file" : "no such file");
        } else {
          out.add(abs);
        }
      }
      return diags.hasErrors() ? List.of() : out;
    }
    Path dir = opts.projectDirectory() != null ? opts.workingDirectory().resolve(opts.projectDirectory()) : opts.workingDirectory();
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      for (String n : DEFAULT_FILES) {
        Path p = d.resolve(n);
        if (Files.isRegularFile(p)) {
          out.add(p);
          String base = n.substring(0, n.lastIndexOf('.'));
          String ext = n.substring(n.lastIndexOf('.'));
          Path ov = d.resolve(base + ".override" + ext);
          if (Files.isRegularFile(ov)) out.add(ov);
          return out;
        }
      }
    }
    diags.error("file-missing", Position.of(sources.display(dir), 1, 1),
        "no compose file found (looked for " + String.join(", ", DEFAULT_FILES) + " here and in parent directories)");
    return out;
  }

  private static String projectName(LoadOptions opts, MapNode doc, Environment env, Path projectDir) {
    // docker compose's precedence: -p, COMPOSE_PROJECT_NAME (shell over .env), the top-level name:
    String n = opts.projectName();
    if (n == null || n.isEmpty()) n = env.lookup(ComposeVariables.PROJECT_NAME);
    if ((n == null || n.isEmpty()) && doc.getScalar("name") != null) n = doc.getScalar("name").asString();
    if (n == null || n.isEmpty()) n = projectDir.getFileName() == null ? "default" : projectDir.getFileName().toString();
    return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
  }

  /** The variables interpolation sees: explicit environment over the .env file(s); and active profiles. */
  record Environment(Map<String, String> values, List<String> profiles) {
    String lookup(String name) {
      return values.get(name);
    }

    Function<String, String> asFunction() {
      return values::get;
    }

    static Environment resolve(LoadOptions opts, Path projectDir, Sources sources, Diagnostics diags) {
      Map<String, String> values = new LinkedHashMap<>();
      List<Path> envFiles = new ArrayList<>();
      List<Path> chosen = ComposeVariables.envFiles(opts);
      if (chosen.isEmpty()) {
        Path dflt = projectDir.resolve(".env");
        if (Files.isRegularFile(dflt)) envFiles.add(dflt);
      } else {
        for (Path p : chosen) {
          Path abs = opts.workingDirectory().resolve(p).normalize();
          if (!Files.isRegularFile(abs)) {
            diags.error("env-file-missing", Position.of(sources.display(abs), 1, 1), "env file not found");
          } else {
            envFiles.add(abs);
          }
        }
      }
      Function<String, String> shellFirst = k -> opts.environment().containsKey(k) ? opts.environment().get(k) : values.get(k);
      for (Path p : envFiles) {
        String text = sources.readText(p, diags, null);
        if (text == null) continue;
        DotEnv.Result r = DotEnv.parse(text, shellFirst);
        for (DotEnv.Problem pr : r.problems()) {
          diags.error("env-file-invalid", Position.of(sources.display(p), pr.line(), pr.column()), pr.message());
        }
        values.putAll(r.values());
      }
      values.putAll(opts.environment());
      List<String> profiles = new ArrayList<>(opts.profiles());
      if (profiles.isEmpty() && values.get(ComposeVariables.PROFILES) != null) {
        for (String s : values.get(ComposeVariables.PROFILES).split(",")) if (!s.isBlank()) profiles.add(s.trim());
      }
      return new Environment(Collections.unmodifiableMap(values), List.copyOf(profiles));
    }
  }
}
