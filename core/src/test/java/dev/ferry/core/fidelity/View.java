package dev.ferry.core.fidelity;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one container gets from its platform: the host names it resolves (each with the service
 * behind it and the ports it can reach there), its environment, and what it sees at each mount
 * target. Built once from the compose project and once, independently, from the emitted manifests.
 */
public record View(Map<String, Name> names, Map<String, String> env, Map<String, Seen> mounts) {
  public View() {
    this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
  }

  /** A resolvable name: the service whose container answers, and the ports reachable there ({@code any}: all). */
  public record Name(String service, boolean any, Set<Integer> ports) {
    public static Name of(String service) {
      return new Name(service, false, new TreeSet<>());
    }

    public boolean reaches(int port) {
      return any || ports.contains(port);
    }
  }

  /** What a mount target shows: a file (its content), a directory (its entries), persistent data, scratch space, a host path. */
  public record Seen(Kind kind, String detail, String source) {
    public enum Kind { FILE, DIRECTORY, DATA, SCRATCH, HOST }

    public Seen(Kind kind, String detail) {
      this(kind, detail, null);
    }

    /** The same, noting where it comes from (a host path, a volume). */
    public Seen from(String src) {
      return new Seen(kind, detail, src);
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + (detail == null || detail.isEmpty() ? "" : " " + detail);
    }
  }
}
