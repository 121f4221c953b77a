package dev.ferry.core.emit;

import dev.ferry.core.concurrent.OnEveryCore;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of {@link OutputDir} in three steps, so that a file's bytes need not be held until the
 * last file is made (a 10,000-service chart is 300 MB of text):
 * <ol>
 * <li>{@link #open}: with the names only, before anything is written: DIR is resolved, every name
 * checked (plain, no link or file on its way, nothing but a regular file at it), temporary files
 * of a killed run removed, and a file ferry did not write refused (unless forced).</li>
 * <li>{@link #stage}: for each file as it is made (on any core): written to a temporary file
 * beside its target, or nothing when its target already holds its bytes; the bytes can then go.</li>
 * <li>{@link #commit}: a file the marker lists but that was changed since is refused (its
 * digest is known only now); then the journal marker names the old and new digests, the
 * temporary files are renamed over their targets, stale files are removed and the marker rewritten.</li>
 * </ol>
 * A refusal or failure before the journal removes the temporary files and the directories staging
 * made, leaving DIR as it was; a run killed before the journal leaves only temporary files (and
 * empty directories), which the next run removes; a run killed after it is recovered by the journal.
 */
public final class OutputDirStaging implements AutoCloseable {
  /** A staged file: its name, new digest, whether it holds secrets, and its temporary file (null: its target already holds it). */
  public record Staged(String name, String sha256, boolean secret, Path temp) {}

  private final Path dir;
  private final Path root;
  private final boolean force;
  private final List<String> names;
  private final Set<String> known;
  private final Map<String, Set<String>> previous;
  private final OutputDirChecks checks;
  /** Names whose target was a regular file when opened. */
  private final Set<String> existing = new HashSet<>();
  /** The digest of each marker-listed target as found when staged (name → digest). */
  private final Map<String, String> current = new ConcurrentHashMap<>();
  private final Set<Path> temps = ConcurrentHashMap.newKeySet();
  private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
  /**
   * Directory this run made → the names in it when first listed by the commit. A thread lists a
   * directory before it renames a target into it, and a listing in progress holds up the others, so
   * a listing holds a target's name only when something else put it there.
   */
  private final Map<Path, Set<String>> listed = new ConcurrentHashMap<>();
  /** Whether DIR itself was created by {@link #open} (removed again, when empty, on a failure before the journal). */
  private boolean madeRoot;
  private boolean journaled;
  private boolean finished;

  private OutputDirStaging(Path dir, Path root, boolean force, List<String> names, Map<String, Set<String>> previous) {
    this.dir = dir;
    this.root = root;
    this.force = force;
    this.names = names;
    this.known = Set.copyOf(names);
    this.previous = previous;
    this.checks = new OutputDirChecks(root);
  }

  /** Step 1 for files {@code names} (in the order they are written and listed) in {@code dir}. */
  public static OutputDirStaging open(Path dir, List<String> names, boolean force) throws IOException, OutputDir.Refused {
    if (new HashSet<>(names).size() != names.size()) throw new IllegalArgumentException("two files of the same name");
    boolean fresh = !Files.exists(dir.toAbsolutePath().normalize(), LinkOption.NOFOLLOW_LINKS);
    Path root = OutputDir.root(dir);
    for (String name : names) {
      if (!OutputDir.plain(name)) throw new OutputDir.Refused("refusing to write " + name + ": outside the output directory");
    }
    OutputDirStaging s = new OutputDirStaging(dir, root, force, List.copyOf(names), OutputDir.readMarker(root));
    s.madeRoot = fresh;
    OutputDir.removeTemps(root, s.known, s.checks);
    List<String> unlisted = new ArrayList<>();
    for (String name : s.names) {
      Path p = s.checks.inside(name);
      int slash = name.lastIndexOf('/');
      if (fresh || slash > 0 && s.checks.missing(name.substring(0, slash))) continue; // its directory is not there: nor is it
      BasicFileAttributes a = SafeFile.attributes(p);
      if (a == null) continue;
      SafeFile.checkReplaceable(a, dir.resolve(name).toString());
      s.existing.add(name);
      if (!force && !s.previous.containsKey(name)) unlisted.add(name);
    }
    if (!unlisted.isEmpty()) { // refused before anything is written: the listed files' digests make the message whole
      for (String name : s.names) if (s.existing.contains(name) && s.previous.containsKey(name)) s.current.put(name, SafeFile.digest(s.root.resolve(name)));
      s.refuseConflicts();
    }
    return s;
  }

  /**
   * Step 2 for one file (any core, any order): its target's digest is learnt (from these bytes when
   * it holds them), then the bytes go to a temporary file unless the target already holds them (and,
   * for secrets, is still 0600): rewriting it would change nothing but its inode.
   */
  public Staged stage(OutputDirFile f) throws IOException, OutputDir.Refused {
    if (!known.contains(f.name())) throw new IllegalArgumentException("not opened: " + f.name());
    Path p = root.resolve(f.name());
    String now = null;
    if (existing.contains(f.name()) && previous.containsKey(f.name()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      now = SafeFile.holds(p, f.bytes()) ? f.sha256() : SafeFile.digest(p);
      current.put(f.name(), now);
    }
    if (f.sha256().equals(now) && (!f.secret() || OutputDirChecks.ownerOnly(p))) return new Staged(f.name(), f.sha256(), f.secret(), null);
    Path target = OutputDir.makeParents(root, f.name(), madeDirs, checks::missing);
    // in a directory this run made, only another process can have put something at the target since:
    // the commit examines every target just before its rename, so it is not looked up here too
    if (!madeHere(target.getParent())) SafeFile.checkReplaceable(target, dir.resolve(f.name()).toString());
    Path tmp = SafeFile.temp(target, f.bytes(), f.secret());
    temps.add(tmp);
    return new Staged(f.name(), f.sha256(), f.secret(), tmp);
  }

  /** As {@link #commit(List, int)}, for every file. */
  public List<Path> commit(List<Staged> staged) throws IOException, OutputDir.Refused {
    return commit(staged, Integer.MAX_VALUE);
  }

  /**
   * Step 3: {@code staged} holds one entry per name, in the order given to {@link #open}; stops (as a
   * crash would) after renaming {@code stopAfter} files, for tests. Returns the files' paths.
   */
  List<Path> commit(List<Staged> staged, int stopAfter) throws IOException, OutputDir.Refused {
    Map<String, Staged> files = new LinkedHashMap<>();
    for (Staged s : staged) files.put(s.name(), s);
    if (!files.keySet().equals(known) || files.size() != names.size()) throw new IllegalArgumentException("staged files differ from the names opened");
    refuseConflicts();
    List<Path> stale = new ArrayList<>();
    Map<String, Set<String>> journal = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : previous.entrySet()) {
      String name = e.getKey();
      if (!OutputDir.GENERATED.matcher(name).matches()) continue; // not a name ferry writes: never obeyed
      Path p;
      try {
        p = checks.inside(name);
      } catch (OutputDir.Refused r) {
        continue; // behind a link or a file: not ours to touch
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
      String now = current.computeIfAbsent(name, n -> digestOrNull(p));
      if (now == null) now = SafeFile.digest(p); // unreadable: fails as it would have
      if (!e.getValue().contains(now)) {
        if (e.getValue().contains(OutputDir.LEGACY) && files.containsKey(name)) journal.put(name, new TreeSet<>(Set.of(now)));
        continue;
      }
      journal.computeIfAbsent(name, k -> new TreeSet<>()).add(now);
      if (!files.containsKey(name)) stale.add(p);
    }
    for (Staged f : files.values()) journal.computeIfAbsent(f.name(), k -> new TreeSet<>()).add(f.sha256());
    OutputDir.writeMarker(root, journal);
    journaled = true;
    List<Staged> order = List.copyOf(files.values());
    List<Path> done;
    try {
      done = OnEveryCore.map(Math.min(order.size(), stopAfter), i -> {
        Staged f = order.get(i); // the journal names every file: they are renamed on every core, in any order
        if (f.temp() == null) return root.resolve(f.name());
        try {
          Path p = OutputDir.makeParents(root, f.name(), null); // every parent examined again just before the rename
          if (mayHold(p)) SafeFile.checkReplaceable(p, dir.resolve(f.name()).toString());
          SafeFile.move(f.temp(), p);
          temps.remove(f.temp());
          return p;
        } catch (OutputDir.Refused r) {
          throw new OutputDir.RefusedInTask(r);
        }
      });
    } catch (OutputDir.RefusedInTask e) {
      throw e.refused;
    }
    if (done.size() < order.size()) {
      finished = true; // stopped as a crash would: what it leaves is left
      return done;
    }
    for (Path p : stale) Files.deleteIfExists(p);
    Map<String, Set<String>> last = new LinkedHashMap<>();
    for (Staged f : files.values()) last.put(f.name(), Set.of(f.sha256()));
    OutputDir.writeMarker(root, last);
    finished = true;
    return done;
  }

  /** Whether directory {@code d} was made by this run (DIR itself included, when this run made it). */
  private boolean madeHere(Path d) {
    return madeDirs.contains(d) || madeRoot && d.equals(root);
  }

  /**
   * Whether something may be at {@code p} just before its rename: false only when its directory was
   * made by this run and a listing of it (made once, before any of its targets is renamed, see
   * {@link #listed}) does not hold the name. A look-up that finds nothing costs far more than a
   * listing (the platform reports it as an exception), and a new output directory holds no targets.
   */
  private boolean mayHold(Path p) {
    Path d = p.getParent();
    if (!madeHere(d)) return true;
    Set<String> there = listed.computeIfAbsent(d, OutputDirStaging::list);
    return there == null || there.contains(p.getFileName().toString());
  }

  /** The names in directory {@code d} (a link is not followed: it is a directory this run made), or null when it cannot be listed. */
  private static Set<String> list(Path d) {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
      for (Path p : s) names.add(p.getFileName().toString());
      return names;
    } catch (IOException e) {
      return null; // every target of it is looked up instead
    }
  }

  private static String digestOrNull(Path p) {
    try {
      return SafeFile.digest(p);
    } catch (IOException e) {
      return null;
    }
  }

  /** Refuses when a target exists that ferry did not write (not listed, or changed since), unless forced. */
  private void refuseConflicts() throws OutputDir.Refused {
    if (force) return;
    List<String> conflicts = new ArrayList<>();
    for (String name : names) {
      if (!existing.contains(name)) continue;
      Set<String> digests = previous.get(name);
      if (digests == null || !(digests.contains(OutputDir.LEGACY) || digests.contains(current.get(name)))) conflicts.add(name);
    }
    if (!conflicts.isEmpty()) {
      throw new OutputDir.Refused("refusing to overwrite files ferry did not write in " + dir + ": "
          + String.join(", ", conflicts.subList(0, Math.min(5, conflicts.size())))
          + (conflicts.size() > 5 ? " (and " + (conflicts.size() - 5) + " more)" : "") + "; use --force to overwrite");
    }
  }

  /**
   * After a refusal or a failure (not after {@link #commit} finished): removes the temporary files
   * staged and not renamed and, unless the journal was written, the directories staging made
   * (deepest first, each only when empty) and DIR when it made it, so DIR is left as it was.
   * Best effort: what cannot be removed is left to the next run.
   */
  @Override
  public void close() {
    if (finished) return;
    finished = true;
    try {
      for (Path t : temps) Files.deleteIfExists(t);
      temps.clear();
      if (journaled) return;
      List<Path> made = new ArrayList<>(madeDirs);
      made.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      if (madeRoot) made.add(root);
      for (Path d : made) {
        try {
          Files.deleteIfExists(d);
        } catch (DirectoryNotEmptyException e) {
          // something else is in it now: left
        }
      }
    } catch (IOException e) {
      // left to the next run, which removes stray temporary files
    }
  }

  /** The names opened, in order. */
  public List<String> names() {
    return names;
  }
}
