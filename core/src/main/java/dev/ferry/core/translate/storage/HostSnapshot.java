package dev.ferry.core.translate.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A bounded copy of a bind mount's host source as it is at conversion time: one file, or the
 * regular files of a small directory tree (relative paths with {@code /}). Limits keep the
 * ConfigMap or Secret under the API server's 1 MiB object limit with room for base64.
 *
 * @param kind FILE, DIRECTORY or MISSING (also: unreadable)
 * @param files relative path → bytes (a file's entry is its own name); empty when over the limits
 * @param skipped entries not copied (symlinks, sockets, devices)
 * @param overLimit why the source is too big to copy, or null
 */
public record HostSnapshot(Kind kind, Map<String, byte[]> files, List<String> skipped, String overLimit) {
  public enum Kind { FILE, DIRECTORY, MISSING }

  /** Largest single file, and largest total, copied into a ConfigMap or Secret. */
  public static final long MAX_BYTES = 256 * 1024;
  /** Most files copied from one directory (nested directories included). */
  public static final int MAX_FILES = 64;
  /** Deepest nesting copied from a directory. */
  public static final int MAX_DEPTH = 4;

  private static final String TOO_BIG = "more than " + MAX_FILES + " files, " + MAX_BYTES + " bytes or " + MAX_DEPTH
      + " levels of directories";

  public static HostSnapshot of(Path host) {
    try {
      if (Files.isRegularFile(host)) {
        long size = Files.size(host);
        if (size > MAX_BYTES) return new HostSnapshot(Kind.FILE, Map.of(), List.of(), size + " bytes, over the limit of " + MAX_BYTES);
        Map<String, byte[]> one = new TreeMap<>();
        one.put(host.getFileName().toString(), Files.readAllBytes(host));
        return new HostSnapshot(Kind.FILE, one, List.of(), null);
      }
      if (!Files.isDirectory(host)) return new HostSnapshot(Kind.MISSING, Map.of(), List.of(), null);
      List<Path> all = new ArrayList<>();
      int regular = 0;
      long total = 0;
      try (Stream<Path> st = Files.walk(host, MAX_DEPTH + 1)) {
        for (Iterator<Path> it = st.iterator(); it.hasNext();) {
          Path f = it.next();
          if (f.equals(host)) continue;
          if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
            if (host.relativize(f).getNameCount() > MAX_DEPTH) return over(TOO_BIG);
            continue;
          }
          if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            total += Files.size(f);
            if (++regular > MAX_FILES || total > MAX_BYTES) return over(TOO_BIG);
          }
          all.add(f);
        }
      }
      Collections.sort(all);
      Map<String, byte[]> files = new TreeMap<>();
      List<String> skipped = new ArrayList<>();
      for (Path f : all) {
        String rel = host.relativize(f).toString().replace('\\', '/');
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) files.put(rel, Files.readAllBytes(f));
        else skipped.add(rel);
      }
      return new HostSnapshot(Kind.DIRECTORY, files, List.copyOf(skipped), null);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return new HostSnapshot(Kind.MISSING, Map.of(), List.of(), null);
    }
  }

  private static HostSnapshot over(String why) {
    return new HostSnapshot(Kind.DIRECTORY, Map.of(), List.of(), why);
  }

  public boolean copyable() {
    return overLimit == null && kind != Kind.MISSING;
  }

  /** Whether any copied file looks secret (the whole copy then goes into a Secret). */
  public boolean secret() {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      if (HostPaths.looksSecret(name, e.getValue())) return true;
    }
    return false;
  }

  /** Data keys (valid ConfigMap keys, unique) for each relative path, in order. */
  public Map<String, String> keys() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String rel : files.keySet()) {
      String k = rel.replace('/', '.').replaceAll("[^-._a-zA-Z0-9]", "_");
      if (k.isEmpty() || k.equals(".") || k.equals("..")) k = "file";
      String base = k;
      for (int i = 2; out.containsValue(k); i++) k = base + "-" + i;
      out.put(rel, k);
    }
    return out;
  }
}
