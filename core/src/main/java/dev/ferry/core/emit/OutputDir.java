package dev.ferry.core.emit;

import dev.ferry.core.concurrent.OnEveryCore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes generated files into an output directory DIR without ever writing, replacing or deleting
 * anything outside it:
 * <ul>
 * <li>DIR is resolved to its real path once (the user named it); below it nothing is followed: a
 * symbolic link, or a file where a directory is needed, anywhere on a generated path is refused.
 * Only regular files are replaced. DIR itself is created when missing, its parent never.</li>
 * <li>Files ferry did not write are not overwritten unless forced. What ferry wrote is recorded in
 * {@value #MARKER} with the SHA-256 of each file, and the marker is untrusted: an entry is obeyed only
 * when it is a plain relative name ferry generates and the file there still has the recorded digest.
 * A planted marker can therefore not make ferry delete or overwrite a file it does not describe
 * byte for byte, nor reach outside DIR.</li>
 * <li>Every file is written through {@link SafeFile} (temp file + rename). Before the first write
 * the marker is rewritten as a journal listing both the old and the new digests, so a run killed
 * half-way leaves a directory the next run recognises as its own; stray {@code .ferry-*.tmp} files
 * from such a run are removed. A file a previous run wrote that already holds its new bytes is not
 * written again (a re-run of an unchanged project changes no file, only the marker).</li>
 * </ul>
 */
public final class OutputDir {
  public static final String MARKER = ".ferry-output";
  static final String HEADER = "# ferry-output v2: files ferry wrote here and their SHA-256; regenerated on every run";
  /** Names ferry generates (convert: {@code <name>-<kind>.yaml}; chart: its fixed files and templates). */
  static final Pattern GENERATED = Pattern.compile(
      "(Chart\\.yaml|values\\.yaml|values\\.schema\\.json|\\.helmignore|README\\.md|kustomization\\.yaml"
          + "|[a-z0-9][a-z0-9.-]*\\.(yaml|json)"
          + "|templates/(_helpers\\.tpl|NOTES\\.txt|[a-z0-9][a-z0-9.-]*/[a-z0-9][a-z0-9.-]*\\.yaml))");
  /** A name listed by a marker from before v2 (no digest): lets ferry overwrite it, never delete it. */
  static final String LEGACY = "";
  private static final Pattern SECRET_KIND = Pattern.compile("(?m)^kind: Secret\\s*$|\"kind\"\\s*:\\s*\"Secret\"");
  private static final Pattern SECRET_VALUES = Pattern.compile("(?m)^secrets:\\s*\\n\\s");

  /** A refusal: a file in the way or a name that would escape the directory. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** A refusal met by a task on another core, carried to the caller. */
  static final class RefusedInTask extends RuntimeException {
    final Refused refused;

    RefusedInTask(Refused refused) {
      super(null, null, false, false);
      this.refused = refused;
    }
  }

  private OutputDir() {}

  /** Writes {@code files} (relative name → content) into {@code dir}; returns their paths (written or already holding the content). */
  public static List<Path> write(Path dir, Map<String, String> files, boolean force) throws IOException, Refused {
    return write(dir, files, force, Integer.MAX_VALUE);
  }

  /** As {@link #write(Path, Map, boolean)}; stops (as a crash would) after {@code stopAfter} files, for tests. */
  static List<Path> write(Path dir, Map<String, String> files, boolean force, int stopAfter) throws IOException, Refused {
    return write(dir, prepare(files), force, stopAfter);
  }

  /** Files ready to write (encoded and hashed on every core), in the map's order. */
  public static List<OutputDirFile> prepare(Map<String, String> files) {
    List<Map.Entry<String, String>> es = List.copyOf(files.entrySet());
    return OnEveryCore.map(es.size(), i -> OutputDirFile.of(es.get(i).getKey(), es.get(i).getValue()));
  }

  /** As {@link #write(Path, Map, boolean)}, for files already encoded and hashed (written in list order). */
  public static List<Path> write(Path dir, List<OutputDirFile> list, boolean force) throws IOException, Refused {
    return write(dir, list, force, Integer.MAX_VALUE);
  }

  static List<Path> write(Path dir, List<OutputDirFile> list, boolean force, int stopAfter) throws IOException, Refused {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (OutputDirFile f : list) {
      if (!seen.add(f.name())) throw new IllegalArgumentException("two files named " + f.name());
      names.add(f.name());
    }
    try (OutputDirStaging out = OutputDirStaging.open(dir, names, force)) {
      List<OutputDirStaging.Staged> staged;
      try {
        staged = OnEveryCore.map(list.size(), i -> {
          try {
            return out.stage(list.get(i));
          } catch (Refused r) {
            throw new RefusedInTask(r);
          }
        });
      } catch (RefusedInTask e) {
        throw e.refused;
      }
      return out.commit(staged, stopAfter);
    }
  }

  static Refused notADirectory(String name, String dir, String kind) {
    return new Refused("refusing to write " + name + ": " + dir + " is " + kind
        + " (ferry does not follow links out of the output directory)");
  }

  /** Whether a generated file holds secret values (a Secret manifest, or chart values with secrets): written 0600. */
  public static boolean holdsSecrets(String name, String content) {
    // the literal tests first: each pattern needs its literal, and a plain search is far cheaper than the
    // patterns' search at every position of a large file
    return secretKind(content)
        || (name.endsWith("values.yaml") && content.contains("secrets:") && SECRET_VALUES.matcher(content).find());
  }

  /** {@link #SECRET_KIND} found, searched only when its literal "kind: Secret" or "\"Secret\"" is there (one pass). */
  private static boolean secretKind(String content) {
    for (int i = content.indexOf("Secret"); i >= 0; i = content.indexOf("Secret", i + 6)) {
      if (content.startsWith("kind: ", i - 6) || content.startsWith("\"", i - 1) && content.startsWith("\"", i + 6)) {
        return SECRET_KIND.matcher(content).find();
      }
    }
    return false;
  }

  /** DIR as a real path: created (not its parent) when missing; refused when it is not a directory. */
  static Path root(Path dir) throws IOException, Refused {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) throw new Refused(dir + " exists and is not a directory");
      return abs.toRealPath();
    }
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new Refused("cannot create " + dir + ": its parent directory does not exist (ferry creates only DIR itself)");
    }
    if (Files.isSymbolicLink(abs)) throw new Refused(dir + " is a dangling symbolic link");
    Path real = parent.toRealPath().resolve(abs.getFileName());
    Files.createDirectory(real);
    return real;
  }

  /** A plain relative name: no absolute path, no empty, {@code .} or {@code ..} part, no backslash or control character. */
  static boolean plain(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.equals(MARKER) || name.indexOf('\\') >= 0) return false;
    for (int i = 0; i < name.length(); i++) if (Character.isISOControl(name.charAt(i))) return false;
    for (int from = 0; from <= name.length(); ) { // each part between slashes: none empty, "." or ".."
      int slash = name.indexOf('/', from);
      int end = slash < 0 ? name.length() : slash;
      int n = end - from;
      if (n == 0 || name.charAt(from) == '.' && (n == 1 || n == 2 && name.charAt(from + 1) == '.')) return false;
      from = end + 1;
    }
    return true;
  }

  /**
   * Creates the missing directories of {@code name} under root, one level at a time, never through a
   * link; every parent is examined (once) just before the file is written. Directories it creates are
   * added to {@code made} (when not null).
   */
  static Path makeParents(Path root, String name, Set<Path> made) throws IOException, Refused {
    return makeParents(root, name, made, d -> false);
  }

  /**
   * As above; a directory {@code absent} says was absent when the output directory was checked (and
   * that this run has not made since) is made at once rather than examined first: making it is the
   * examination (it fails when something is there), and it spares the failed look-up of every
   * directory of a new output.
   */
  static Path makeParents(Path root, String name, Set<Path> made, Predicate<String> absent) throws IOException, Refused {
    boolean missing = false;
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      String d = name.substring(0, slash);
      Path p = root.resolve(d);
      BasicFileAttributes a = missing || made != null && !made.contains(p) && absent.test(d) ? null : SafeFile.attributes(p);
      if (a == null) {
        missing = true;
        try {
          Files.createDirectory(p);
          if (made != null) made.add(p);
          continue;
        } catch (FileAlreadyExistsException e) {
          a = SafeFile.attributes(p); // made meanwhile: examined like any other
          missing = false;
        }
      }
      if (a == null || !a.isDirectory()) throw notADirectory(name, d, a == null ? "gone" : SafeFile.kind(a));
    }
    return root.resolve(name);
  }

  /** The marker's entries (name → digests); malformed lines and a marker that is not a regular file are ignored. */
  static Map<String, Set<String>> readMarker(Path root) throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Path m = root.resolve(MARKER);
    if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS) || Files.size(m) > (64L << 20)) return out;
    for (String l : Files.readAllLines(m, StandardCharsets.UTF_8)) {
      if (l.isBlank() || l.startsWith("#")) continue;
      if (plain(l.trim()) && !l.contains(" ")) { // a marker from ferry before v2: names only, trusted for overwrite only
        out.computeIfAbsent(l.trim(), k -> new LinkedHashSet<>()).add(LEGACY);
        continue;
      }
      int sp = l.indexOf(' ');
      if (sp != 64 || !hex(l, 64)) continue;
      String name = l.substring(65);
      if (plain(name)) out.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(l.substring(0, 64));
    }
    return out;
  }

  /** Whether the first {@code n} characters of {@code s} are lower-case hex digits (as {@code [0-9a-f]{n}} matches them). */
  private static boolean hex(String s, int n) {
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
    }
    return true;
  }

  static void writeMarker(Path root, Map<String, Set<String>> entries) throws IOException, Refused {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Map.Entry<String, Set<String>> e : entries.entrySet()) {
      for (String d : e.getValue()) b.append(d).append(' ').append(e.getKey()).append('\n');
    }
    Path m = root.resolve(MARKER);
    SafeFile.checkReplaceable(m, MARKER);
    SafeFile.replace(m, b.toString(), false);
  }

  /** Removes temporary files a killed run left in DIR and in the directories ferry is about to write. */
  static void removeTemps(Path root, Set<String> names, OutputDirChecks checks) throws IOException {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(root);
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      int slash = n.lastIndexOf('/');
      if (slash < 0 || !seen.add(n.substring(0, slash))) continue;
      try {
        Path p = checks.inside(n).getParent();
        if (!checks.missing(n.substring(0, slash)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) dirs.add(p);
      } catch (Refused e) {
        // reported when the file is checked
      }
    }
    for (Path d : dirs) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d, f -> SafeFile.TEMP_NAME.matcher(f.getFileName().toString()).matches())) {
        for (Path f : s) if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) Files.delete(f);
      }
    }
  }

  /** Replaces a single file's content atomically; see {@link SafeFile#write}. */
  public static void atomic(Path p, String content) throws IOException {
    try {
      SafeFile.write(p, content, false);
    } catch (Refused e) {
      throw new IOException(e.getMessage());
    }
  }
}
