package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.env.DotEnv;
import dev.ferry.core.load.stage.Bind;
import dev.ferry.core.load.stage.Casts;
import dev.ferry.core.load.stage.Interpolate;
import dev.ferry.core.load.stage.Merge;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-file stages: parse, interpolate, cast, schema-check, then {@code extends} and
 * {@code include}, which may load further files (paths relative to the referencing file's directory,
 * rebased onto the project directory). Cycles in either are errors.
 */
final class FileStages {
  private final Path projectDir;
  private final ComposeLoader.Environment env;
  private final Sources sources;
  private final Diagnostics diags;
  private final Map<Path, MapNode> prepared = new HashMap<>();
  private final Deque<String> extendsStack = new ArrayDeque<>();
  private final Deque<Path> includeStack = new ArrayDeque<>();
  /** A file, extends base or include could not be read or resolved: the project is partial. */
  private boolean incomplete;

  private final boolean strict;
  private final SchemaChecks checks = new SchemaChecks();

  FileStages(Path projectDir, ComposeLoader.Environment env, Sources sources, Diagnostics diags, boolean strict) {
    this.strict = strict;
    this.projectDir = projectDir;
    this.env = env;
    this.sources = sources;
    this.diags = diags;
  }

  /**
   * Whether some file, extends base or include could not be read or resolved, so the merged
   * project lacks parts the files meant it to have (checks on it would report errors that are
   * not there, e.g. "neither image nor build" for a service whose base was not found).
   */
  boolean incomplete() {
    return incomplete;
  }

  /** Waits for the schema checks of every file prepared so far and adds their findings; whether one is an error. */
  boolean awaitSchemaChecks() {
    List<Diagnostic> found = checks.await();
    diags.addAll(found);
    return found.stream().anyMatch(Diagnostic::isError);
  }

  /** A -f file: prepared, extends resolved, includes pulled in. Paths stay relative to the project dir. */
  MapNode loadTopFile(Path f) {
    includeStack.push(f);
    try {
      MapNode doc = prepare(f, null, env.asFunction());
      if (doc == null) return null;
      doc = resolveExtends(doc, f);
      return includes(doc, f);
    } finally {
      includeStack.pop();
    }
  }

  private MapNode prepare(Path f, Position where, Function<String, String> lookup) {
    Path abs = f.toAbsolutePath().normalize();
    if (prepared.containsKey(abs)) return prepared.get(abs);
    MapNode doc = sources.parse(abs, diags, where);
    if (doc == null) incomplete = true;
    if (doc != null) {
      if (doc.has("version")) {
        diags.warning("obsolete-version", doc.keyPosition("version"),
            "the attribute `version` is obsolete, it will be ignored");
      }
      // Interpolation and casts in one walk; the schema check reads the tree as tags leave it.
      doc = Casts.apply(doc, diags, Interpolate.scalars(lookup, diags, strict));
      checks.start(doc);
    }
    prepared.put(abs, doc);
    return doc;
  }

  // ---- extends -------------------------------------------------------------------------------

  private MapNode resolveExtends(MapNode doc, Path file) {
    MapNode services = doc.getMap("services");
    if (services == null) return doc;
    boolean any = false;
    for (MapNode.Entry e : services.entries()) if (e.value() instanceof MapNode s && s.has("extends")) any = true;
    if (!any) return doc;
    MapNode resolved = services.mapValues((e, v) -> v instanceof MapNode s ? extendService(doc, file, e.key(), s) : v);
    return doc.with("services", resolved);
  }

  private MapNode extendService(MapNode doc, Path file, String name, MapNode svc) {
    Node ext = svc.get("extends");
    if (ext == null) return svc;
    String key = file.toAbsolutePath().normalize() + "#" + name;
    if (extendsStack.contains(key)) {
      incomplete = true;
      diags.error("schema", svc.keyPosition("extends"), "extends cycle: service \"" + name + "\" extends itself (through "
          + String.join(" -> ", extendsStack.stream().map(s -> s.substring(s.indexOf('#') + 1)).toList()) + ")");
      return svc.without("extends");
    }
    String baseName;
    String baseFile = null;
    if (ext instanceof ScalarNode sc) {
      baseName = sc.asString();
    } else if (ext instanceof MapNode m) {
      baseName = m.getString("service");
      baseFile = m.getString("file");
    } else {
      return svc.without("extends");
    }
    Position at = svc.keyPosition("extends");
    Path baseDoc = file;
    MapNode otherDoc = doc;
    if (baseFile != null) {
      baseDoc = file.getParent().resolve(baseFile).normalize();
      otherDoc = prepare(baseDoc, at, env.asFunction());
      if (otherDoc == null) return svc.without("extends");
    }
    MapNode otherServices = otherDoc.getMap("services");
    MapNode base = otherServices == null ? null : otherServices.getMap(baseName);
    if (base == null) {
      incomplete = true;
      diags.error("schema", at, "cannot extend service \"" + baseName + "\": not found in " + sources.display(baseDoc));
      return svc.without("extends");
    }
    extendsStack.push(key);
    try {
      base = extendService(otherDoc, baseDoc, baseName, base);
    } finally {
      extendsStack.pop();
    }
    if (!baseDoc.getParent().equals(file.getParent())) {
      base = Rebase.service(base, baseDoc.getParent(), file.getParent());
    }
    // Known deviation from compose-go: `profiles` of the base are not inherited; the extending
    // service is active unless it declares profiles itself (see docs/loading.md, "Deviations").
    return Merge.mergeService(base.without("extends").without("profiles"), svc.without("extends"));
  }

  // ---- include -------------------------------------------------------------------------------

  private MapNode includes(MapNode doc, Path file) {
    if (!(doc.get("include") instanceof SeqNode inc)) return doc;
    MapNode out = doc.without("include");
    for (Node item : inc.items()) {
      List<String> paths = new ArrayList<>();
      String projDir = null;
      List<String> envFiles = new ArrayList<>();
      if (item instanceof ScalarNode sc) {
        paths.add(sc.asString());
      } else if (item instanceof MapNode m) {
        Node p = m.get("path");
        if (p instanceof ScalarNode sc) paths.add(sc.asString());
        if (p instanceof SeqNode sq) for (Node x : sq.items()) if (x instanceof ScalarNode sc) paths.add(sc.asString());
        projDir = m.getString("project_directory");
        Node ef = m.get("env_file");
        if (ef instanceof ScalarNode sc) envFiles.add(sc.asString());
        if (ef instanceof SeqNode sq) for (Node x : sq.items()) if (x instanceof ScalarNode sc) envFiles.add(sc.asString());
      }
      if (paths.isEmpty()) continue;
      String remote = paths.stream().filter(FileStages::isRemote).findFirst().orElse(null);
      if (remote != null) {
        incomplete = true;
        diags.error("file-missing", item.position(), "include of the remote source " + remote + ": ferry reads"
            + " local files only and does not fetch OCI artifacts or git repositories; fetch it (docker compose"
            + " config, git clone or oras pull) and include the local copy");
        continue;
      }
      MapNode sub = includeOne(file, item.position(), paths, projDir, envFiles);
      if (sub != null) out = addIncluded(out, sub, item.position());
    }
    return out;
  }

  /** An {@code include} path docker compose fetches: an OCI artifact or a git repository. */
  static boolean isRemote(String path) {
    return path.contains("://") || path.startsWith("git@");
  }

  private MapNode includeOne(Path file, Position at, List<String> paths, String projDir, List<String> envFiles) {
    Path dir = file.getParent();
    Path first = dir.resolve(paths.get(0)).normalize();
    if (includeStack.contains(first)) {
      incomplete = true;
      diags.error("schema", at, "include cycle: " + sources.display(first) + " is already being included");
      return null;
    }
    Path subProject = projDir != null ? dir.resolve(projDir).normalize() : first.getParent();
    Map<String, String> vars = new HashMap<>();
    List<Path> envPaths = new ArrayList<>();
    if (envFiles.isEmpty()) envPaths.add(subProject.resolve(".env"));
    for (String e : envFiles) envPaths.add(dir.resolve(e).normalize());
    for (Path e : envPaths) {
      if (!Files.isRegularFile(e)) {
        if (!envFiles.isEmpty()) diags.error("env-file-missing", at, "env file " + sources.display(e) + " not found");
        continue;
      }
      String text = sources.readText(e, diags, at);
      if (text != null) vars.putAll(DotEnv.parse(text, env.asFunction()).values());
    }
    Function<String, String> lookup = k -> env.values().containsKey(k) ? env.lookup(k) : vars.get(k);
    MapNode merged = null;
    includeStack.push(first);
    try {
      for (String p : paths) {
        Path f = dir.resolve(p).normalize();
        MapNode d = prepare(f, at, lookup);
        if (d == null) continue;
        d = includes(resolveExtends(d, f), f);
        merged = merged == null ? d : Merge.mergeProjects(merged, d);
      }
    } finally {
      includeStack.pop();
    }
    return merged == null ? null : Rebase.project(merged, subProject, projectDir);
  }

  private MapNode addIncluded(MapNode doc, MapNode sub, Position at) {
    MapNode out = doc;
    for (String section : List.of("services", "networks", "volumes", "secrets", "configs", "models")) {
      MapNode theirs = sub.getMap(section);
      if (theirs == null) continue;
      MapNode ours = out.getMap(section);
      MapNode merged = ours == null ? MapNode.empty(at) : ours;
      for (MapNode.Entry e : theirs.entries()) {
        if (merged.has(e.key())) {
          if (section.equals("services")) {
            diags.error("schema", merged.keyPosition(e.key()),
                "services." + e.key() + " conflicts with the service of the same name imported at " + at);
          }
          continue;
        }
        merged = merged.with(e.key(), e.keyPosition(), e.value());
      }
      out = out.with(section, merged);
    }
    return out;
  }

  // ---- binding I/O ---------------------------------------------------------------------------

  Bind.Files bindFiles() {
    return new Bind.Files() {
      @Override
      public Map<String, String> envFile(String path) {
        return envFile(path, null, null);
      }

      @Override
      public Map<String, String> labelFile(String path, Position at) {
        return envFile(path, null, at);
      }

      @Override
      public Map<String, String> envFile(String path, String format, Position at) {
        Path p = projectDir.resolve(path).normalize();
        if (!Files.exists(p)) return null;
        String text = sources.readText(p, diags, at); // a directory, device or FIFO is refused by type
        if (text == null) return null;
        DotEnv.Result r = "raw".equals(format) ? DotEnv.parseRaw(text) : DotEnv.parse(text, env.asFunction());
        for (DotEnv.Problem pr : r.problems()) {
          diags.error("env-file-invalid", Position.of(sources.display(p), pr.line(), pr.column()), pr.message());
        }
        return r.values();
      }

      @Override
      public String read(String path) {
        Path p = projectDir.resolve(path).normalize();
        if (!Files.isRegularFile(p)) return null;
        return sources.readText(p, new Diagnostics(), null);
      }

      @Override
      public boolean strict() {
        return strict;
      }

      @Override
      public String env(String name) {
        return env.lookup(name);
      }
    };
  }
}
