package dev.ferry.core.emit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the checks before the first write learn, each at most once: which directories on the way
 * are real directories (nothing is written while they run, so a parent is examined once rather
 * than for every file under it; the writes examine every parent again).
 */
final class OutputDirChecks {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path root;
  /** Relative directory → TRUE (a real directory), {@link #MISSING} (absent) or what it is instead (refused at each use). */
  private final Map<String, Object> dirs = new HashMap<>();
  private static final Object MISSING = new Object();

  OutputDirChecks(Path root) {
    this.root = root;
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

  /**
   * Whether directory {@code dir} (relative) or one above it was found absent by {@link #inside}:
   * then nothing was at {@code dir} or below it when the checks ran.
   */
  boolean missing(String dir) {
    for (int slash = dir.indexOf('/'); ; slash = dir.indexOf('/', slash + 1)) {
      if (dirs.get(slash < 0 ? dir : dir.substring(0, slash)) == MISSING) return true;
      if (slash < 0) return false;
    }
  }

  /** Whether the file at {@code p} (a link is not followed) is readable and writable by its owner only. */
  static boolean ownerOnly(Path p) throws IOException {
    try {
      return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
