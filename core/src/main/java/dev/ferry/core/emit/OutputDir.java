package dev.ferry.core.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes generated files into an output directory safely: every name is checked to stay inside the
 * directory, files ferry did not write are never overwritten (unless forced), all checks happen
 * before the first write, each file is written to a temporary name and moved into place, and files
 * ferry wrote last time that are no longer generated are removed. {@value #MARKER} lists what ferry
 * wrote.
 */
public final class OutputDir {
  public static final String MARKER = ".ferry-output";

  /** A refusal: a file in the way or a name that would escape the directory. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  private OutputDir() {}

  /** Writes {@code files} (relative name → content) into {@code dir}; returns the paths written. */
  public static List<Path> write(Path dir, Map<String, String> files, boolean force) throws IOException, Refused {
    Path root = dir.toAbsolutePath().normalize();
    if (Files.exists(root) && !Files.isDirectory(root)) throw new Refused(dir + " exists and is not a directory");
    Set<String> ours = previous(root);
    List<String> conflicts = new ArrayList<>();
    for (String name : files.keySet()) {
      Path p = root.resolve(name).normalize();
      if (!p.startsWith(root) || name.contains("..") || name.startsWith("/") || name.equals(MARKER)) {
        throw new Refused("refusing to write " + name + ": outside the output directory");
      }
      if (Files.exists(p) && !ours.contains(name) && !force) conflicts.add(name);
    }
    if (!conflicts.isEmpty()) {
      throw new Refused("refusing to overwrite files ferry did not write in " + dir + ": "
          + String.join(", ", conflicts.subList(0, Math.min(5, conflicts.size())))
          + (conflicts.size() > 5 ? " (and " + (conflicts.size() - 5) + " more)" : "") + "; use --force to overwrite");
    }
    Files.createDirectories(root);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey()).normalize();
      Files.createDirectories(p.getParent());
      atomic(p, e.getValue());
      written.add(p);
    }
    for (String old : ours) {
      if (files.containsKey(old)) continue;
      Path p = root.resolve(old).normalize();
      if (p.startsWith(root)) Files.deleteIfExists(p);
    }
    atomic(root.resolve(MARKER), String.join("\n", files.keySet()) + "\n");
    return written;
  }

  private static Set<String> previous(Path root) throws IOException {
    Path m = root.resolve(MARKER);
    Set<String> out = new LinkedHashSet<>();
    if (Files.isRegularFile(m)) {
      for (String l : Files.readAllLines(m, StandardCharsets.UTF_8)) if (!l.isBlank()) out.add(l.trim());
    }
    return out;
  }

  /** Replaces a file's content atomically: a temp file beside it, then a move (never half-written). */
  public static void atomic(Path p, String content) throws IOException {
    Path tmp = Files.createTempFile(p.getParent(), ".ferry-", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
