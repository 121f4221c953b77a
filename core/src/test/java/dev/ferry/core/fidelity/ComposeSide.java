package dev.ferry.core.fidelity;

import dev.ferry.core.model.EnvFile;
import dev.ferry.core.model.FileRef;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Secret;
import dev.ferry.core.model.Service;
import dev.ferry.core.knowledge.HostReferences;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What docker compose gives each container of a loaded project: on each network it shares with
 * another service it resolves that service's name, network aliases and container_name, and its
 * own links aliases; the ports it is known to use there are the target's declared container ports
 * ({@code ports} targets, {@code expose}) and the {@code host:port} it names in its environment.
 * Its environment is env_file values overridden by {@code environment} (interpolated by the
 * loader). At each mount target it sees a file or directory from the host, a named volume's data
 * (shared by every service mounting it) or private scratch space.
 */
public final class ComposeSide {
  private ComposeSide() {}

  public static Map<String, View> of(Project p) {
    Map<String, View> out = new LinkedHashMap<>();
    for (Service s : p.services().values()) out.put(s.name(), view(p, s));
    return out;
  }

  private static View view(Project p, Service s) {
    View v = new View();
    names(p, s, v);
    for (EnvFile f : s.execution().envFiles()) f.values().forEach((k, val) -> { if (val != null) v.env().put(k, val); });
    s.execution().environment().forEach((k, val) -> {
      if (val != null) v.env().put(k, val);
      else v.env().remove(k);
    });
    mounts(p, s, v);
    return v;
  }

  /** The service whose network namespace {@code s} uses (itself unless network_mode: service:X). */
  static Service netOwner(Project p, Service s) {
    Service cur = s;
    for (int i = 0; i < 10 && cur.networkService() != null; i++) {
      Service next = p.service(cur.networkService());
      if (next == null) break;
      cur = next;
    }
    return cur;
  }

  static boolean onProjectNetwork(Service s) {
    NamespaceMode nm = s.networking().networkNamespace();
    return !(nm instanceof NamespaceMode.Host || nm instanceof NamespaceMode.None || nm instanceof NamespaceMode.OfContainer);
  }

  private static Set<String> networks(Service s) {
    return s.networking().networks().isEmpty() ? Set.of("default") : s.networking().networks().keySet();
  }

  private static void names(Project p, Service s, View v) {
    Service self = netOwner(p, s);
    if (!onProjectNetwork(self)) return;
    Map<String, Set<Integer>> used = new LinkedHashMap<>();
    for (HostReferences.Ref r : HostReferences.of(s)) {
      if (r.port() > 0) used.computeIfAbsent(r.host().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""), k -> new TreeSet<>()).add(r.port());
    }
    for (Service t : p.services().values()) {
      if (t == self || netOwner(p, t) != t || !onProjectNetwork(t)) continue;
      Set<String> shared = new LinkedHashSet<>(networks(self));
      shared.retainAll(networks(t));
      if (shared.isEmpty()) continue;
      Set<Integer> ports = ports(p, t);
      Set<String> hostnames = new LinkedHashSet<>();
      hostnames.add(t.name().toLowerCase(Locale.ROOT));
      if (t.identity().containerName() != null) hostnames.add(t.identity().containerName().toLowerCase(Locale.ROOT));
      for (String n : shared) {
        var sn = t.networking().networks().get(n);
        if (sn != null) for (String a : sn.aliases()) hostnames.add(a.toLowerCase(Locale.ROOT));
      }
      for (String link : s.networking().links()) {
        int c = link.indexOf(':');
        if (c > 0 && link.substring(0, c).equals(t.name())) hostnames.add(link.substring(c + 1).toLowerCase(Locale.ROOT));
      }
      for (String h : hostnames) {
        View.Name n = View.Name.of(t.name());
        n.ports().addAll(ports);
        n.ports().addAll(used.getOrDefault(h, Set.of()));
        v.names().put(h, n);
      }
    }
  }

  /** Container ports {@code t} (and containers sharing its network) declare. */
  private static Set<Integer> ports(Project p, Service t) {
    Set<Integer> out = new TreeSet<>();
    for (Service m : p.services().values()) {
      if (netOwner(p, m) != t) continue;
      for (PortMapping pm : m.networking().ports()) if (pm.target() > 0) out.add(pm.target());
      for (String e : m.networking().expose()) {
        String x = e.trim().replaceAll("/.*$", "");
        try {
          if (x.contains("-")) {
            int a = Integer.parseInt(x.substring(0, x.indexOf('-')).trim());
            int b = Integer.parseInt(x.substring(x.indexOf('-') + 1).trim());
            for (int i = a; i <= b && i - a < 100; i++) out.add(i);
          } else {
            out.add(Integer.parseInt(x.trim()));
          }
        } catch (NumberFormatException ex) {
          // not a port: nothing compose could listen on either
        }
      }
    }
    return out;
  }

  private static void mounts(Project p, Service s, View v) {
    Path dir = Path.of(p.workingDir());
    for (Mount m : s.storage().volumes()) {
      View.Seen seen;
      if (m.isNamedVolume()) seen = new View.Seen(View.Seen.Kind.DATA, "volume " + m.source()).from(m.source());
      else if (m.isBind()) seen = host(dir, m.source()).from(m.source());
      else seen = new View.Seen(View.Seen.Kind.SCRATCH, null);
      v.mounts().put(m.target(), seen);
    }
    for (FileRef f : s.storage().secrets()) v.mounts().put(target(f, "/run/secrets/"), file(dir, p.secrets().get(f.source())));
    for (FileRef f : s.storage().configs()) v.mounts().put(target(f, "/"), file(dir, p.configs().get(f.source())));
  }

  private static String target(FileRef f, String base) {
    if (f.target() == null) return base + f.source();
    return f.target().startsWith("/") ? f.target() : base + f.target();
  }

  private static View.Seen file(Path dir, Secret def) {
    if (def == null) return new View.Seen(View.Seen.Kind.FILE, null);
    if (def.content() != null) return new View.Seen(View.Seen.Kind.FILE, digest(def.content().getBytes(StandardCharsets.UTF_8)));
    if (def.file() != null) {
      View.Seen seen = host(dir, def.file()).from(def.file());
      // a missing file is not created as a directory (that is bind mounts): compose cannot start it
      return seen.kind() == View.Seen.Kind.DIRECTORY && seen.detail().isEmpty() && !Files.exists(dir.resolve(def.file()))
          ? new View.Seen(View.Seen.Kind.FILE, null, def.file()) : seen;
    }
    return new View.Seen(View.Seen.Kind.FILE, null); // from the environment or external: content unknown here
  }

  /** A bind source: a file (its content), a directory (its entry names), or nothing yet (compose creates a directory). */
  static View.Seen host(Path dir, String source) {
    Path src = source.startsWith("~") ? Path.of(System.getProperty("user.home"), source.substring(1)) : dir.resolve(source);
    // a path outside the project (/proc, ~/.ssh, /etc/...) is the converting machine's own: what it holds is
    // not part of the project (and differs between machines), so the model names it, not its content
    if (source.startsWith("~") || !src.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
      return new View.Seen(View.Seen.Kind.HOST, source);
    }
    try {
      if (Files.isRegularFile(src)) return new View.Seen(View.Seen.Kind.FILE, digest(Files.readAllBytes(src)));
      if (Files.isDirectory(src)) {
        try (Stream<Path> l = Files.list(src)) {
          return new View.Seen(View.Seen.Kind.DIRECTORY, String.join(",", l.map(x -> x.getFileName().toString()).sorted().toList()));
        }
      }
    } catch (IOException e) {
      return new View.Seen(View.Seen.Kind.HOST, source);
    }
    return new View.Seen(View.Seen.Kind.DIRECTORY, "");
  }

  /** A short content fingerprint (not security relevant: equality of what two sides show). */
  static String digest(byte[] b) {
    return "sha256:" + java.util.HexFormat.of().formatHex(sha256(b)).substring(0, 12);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
