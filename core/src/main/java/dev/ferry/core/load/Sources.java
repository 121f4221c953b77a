package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.stage.Outline;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File access for one load: display names (relative to the working directory), size- and
 * type-checked reads, and the texts and parsed trees of every compose file read (kept for lint and
 * code frames). Reading is confined: a file outside the project directory that the user did not
 * name (reached through include, extends, env_file...) may be read, as compose allows, but it is
 * confidential: its text is not kept for code frames, diagnostics positioned in it say only where,
 * not what ({@link #redact}), and reading it is reported once ({@value #OUTSIDE}).
 */
final class Sources {
  /** The code of the finding that a file outside the project directory was read. */
  static final String OUTSIDE = "file-outside-project";
  private final Path workingDir;
  private Path projectDir;
  private final Set<Path> named = new HashSet<>();
  private final Set<String> confidential = new LinkedHashSet<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, MapNode> parsed = new LinkedHashMap<>();
  /** The outlines of the files whose texts are kept, when asked for ({@link LoadOptions#outlines}); else null. */
  private final Map<String, Outline> outlines;

  Sources(Path workingDir, boolean outlines) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.outlines = outlines ? new LinkedHashMap<>() : null;
  }

  /** From now on, files outside {@code dir} (real paths) and not in {@code namedFiles} are confidential. */
  void confine(Path dir, Collection<Path> namedFiles) {
    projectDir = real(dir);
    for (Path f : namedFiles) named.add(real(f));
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  /** Whether a file is outside the project directory and not named by the user. */
  boolean isConfidential(Path p) {
    if (projectDir == null) return false;
    Path r = real(p);
    return !r.startsWith(projectDir) && !named.contains(r);
  }

  /** The display names of the confidential files read so far. */
  Set<String> confidential() {
    return Collections.unmodifiableSet(confidential);
  }

  /**
   * Diagnostics with the message of each one positioned in a confidential file replaced by one
   * that names only the file and position: nothing of what the file holds is shown.
   */
  List<Diagnostic> redact(List<Diagnostic> ds) {
    if (confidential.isEmpty()) return ds;
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : ds) {
      if (!d.code().equals(OUTSIDE) && d.position() != null && confidential.contains(d.position().file())) {
        d = new Diagnostic(d.code(), d.severity(), d.position(),
            "a problem in this file, which is outside the project directory: ferry does not show its contents"
                + " (run ferry on that file itself to see it)", null, d.service());
      }
      out.add(d);
    }
    return out;
  }

  String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(workingDir)) {
      String rel = workingDir.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }

  /** Reads a file's bytes, refusing oversize files; null (with an error at {@code where}) on failure. */
  byte[] readBytes(Path p, Diagnostics diags, Position where) {
    Position at = where != null ? where : Position.of(display(p), 1, 1);
    try {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        diags.error("file-missing", at, (where != null ? display(p) + ": " : "") + "no such file");
        return null;
      }
      if (!a.isRegularFile()) {
        diags.error("file-missing", at, (where != null ? display(p) + ": " : "") + (a.isDirectory()
            ? "is a directory, not a file" : "is a device, FIFO or socket, not a regular file; ferry reads only regular files"));
        return null;
      }
      if (isConfidential(p) && confidential.add(display(p))) {
        diags.add(new Diagnostic(OUTSIDE, Severity.WARNING, at,
            "reads " + display(p) + ", which is outside the project directory: its contents go into the output"
                + " but are never shown in findings or errors", null, null));
      }
      if (Files.size(p) > Parse.MAX_BYTES) {
        diags.error("yaml-syntax", at, "file is " + Files.size(p) + " bytes, over the " + Parse.MAX_BYTES + "-byte limit");
        return null;
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      diags.error("file-missing", at, "cannot read " + display(p) + ": " + e.getMessage());
      return null;
    }
  }

  String readText(Path p, Diagnostics diags, Position where) {
    byte[] b = readBytes(p, diags, where);
    if (b == null) return null;
    String s = new String(b, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Parses a compose file once (cached by path). */
  MapNode parse(Path p, Diagnostics diags, Position where) {
    String name = display(p);
    if (parsed.containsKey(name)) return parsed.get(name);
    byte[] b = readBytes(p, diags, where);
    if (b == null) return null;
    String text = new String(b, StandardCharsets.UTF_8);
    boolean kept = !confidential.contains(name);
    if (kept) texts.put(name, text);
    MapNode doc = Parse.composeFile(name, b, text, diags, kept && outlines != null ? o -> outlines.put(name, o) : null);
    parsed.put(name, doc);
    return doc;
  }

  Map<String, String> texts() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /** The outlines recorded (none unless asked for). */
  Map<String, Outline> outlines() {
    return outlines == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outlines));
  }

  Map<String, MapNode> parsed() {
    Map<String, MapNode> m = new LinkedHashMap<>();
    parsed.forEach((k, v) -> {
      if (v != null) m.put(k, v);
    });
    return Collections.unmodifiableMap(m);
  }
}
