package dev.ferry.core.emit;

import dev.ferry.core.concurrent.OnEveryCore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks before the first write learn, each at most once: which directories on the way
 * are real directories (nothing is written while they run, so a parent is examined once rather
 * than for every file under it; the writes examine every parent again), the digest of each file
 * there now, and the digest of each new content.
 */
final class OutputDirChecks {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path root;
  private final Map<String, OutputDirFile> files;
  /** Relative directory → TRUE (a real directory), {@link #MISSING} (absent) or what it is instead (refused at each use). */
  private final Map<String, Object> dirs = new HashMap<>();
  private final Map<String, String> current = new HashMap<>();
  private static final Object MISSING = new Object();

  OutputDirChecks(Path root, Map<String, OutputDirFile> files) {
    this.root = root;
    this.files = files;
  }

  /**
   * The path of {@code name} under root, checked without following links: every existing parent is
   * a real directory (not a link); each directory is examined once. The file itself may not exist yet.
   */
  Path inside(String name) throws IOException, OutputDir.Refused {
    if (!OutputDir.plain(name)) throw new OutputDir.Refused("refusing " + name + ": not a plain name inside the output directory");
    int slash = name.indexOf('/');
    while (slash >= 0) {
      String d = name.substring(0, slash);
      Object state = dirs.get(d);
      if (state == null) {
        BasicFileAttributes a = SafeFile.attributes(root.resolve(d));
        state = a == null ? MISSING : a.isDirectory() ? Boolean.TRUE : SafeFile.kind(a);
        dirs.put(d, state);
      }
      if (state == MISSING) break;
      if (state instanceof String kind) throw OutputDir.notADirectory(name, d, kind);
      slash = name.indexOf('/', slash + 1);
    }
    return root.resolve(name);
  }

  /** The digest of the file at {@code p} now; a file that holds the new content is not hashed again. */
  String current(String name, Path p) throws IOException {
    String d = current.get(name);
    if (d == null) {
      d = digestNow(name, p);
      current.put(name, d);
    }
    return d;
  }

  private String digestNow(String name, Path p) throws IOException {
    OutputDirFile f = files.get(name);
    return f != null && SafeFile.holds(p, f.bytes()) ? f.sha256() : SafeFile.digest(p);
  }

  /**
   * The digests of the files a previous run wrote ({@code names}: the marker's), found on every
   * core before the checks ask for them one by one: a re-run reads back its whole earlier output.
   * A file that cannot be read is left to the check that asks for it (it fails as it would have).
   */
  void hashPrevious(Set<String> names) throws IOException {
    List<String> todo = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    for (String name : names) {
      if (!OutputDir.GENERATED.matcher(name).matches()) continue;
      Path p;
      try {
        p = inside(name);
      } catch (OutputDir.Refused r) {
        continue;
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
      todo.add(name);
      paths.add(p);
    }
    List<String> digests = OnEveryCore.map(todo.size(), i -> {
      try {
        return digestNow(todo.get(i), paths.get(i));
      } catch (IOException e) {
        return null;
      }
    });
    for (int i = 0; i < digests.size(); i++) if (digests.get(i) != null) current.put(todo.get(i), digests.get(i));
  }

  /**
   * Whether the file of {@code f} is, as examined before the first write, a regular file holding
   * exactly its new bytes (its digest is the new digest) and, for a file with secrets, still
   * readable by its owner only. Such a file is not written again: rewriting it would change nothing
   * but its inode, and a new inode per file (a file created, an old one freed) is most of the
   * system time of a re-run over a large chart. Only files a previous run wrote (the marker's) are
   * examined.
   */
  boolean holdsAlready(OutputDirFile f) throws IOException {
    String d = current.get(f.name());
    if (d == null || !d.equals(f.sha256())) return false;
    if (!f.secret()) return true;
    try {
      return Files.getPosixFilePermissions(root.resolve(f.name()), LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** The digest of the new content of {@code name}. */
  String fresh(String name) {
    return files.get(name).sha256();
  }
}
