package dev.ferry.core.knowledge;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names a service's environment values point at: URL hosts ({@code redis://cache:6379/0},
 * {@code mongodb://a:27017,b:27017}), {@code host:port} pairs, and whole values of host-like
 * variables ({@code DB_HOST=db}, {@code KAFKA_BROKERS=k1,k2}). Deliberately conservative: a bare
 * word is a host only under a host-like name, so {@code POSTGRES_DB=postgres} is not a reference.
 */
public final class HostReferences {
  /** One reference: the variable, the host as written, its port or -1, and where it is. */
  public record Ref(String key, String host, int port, ModelPath path) {}

  // Linear in the value: a match starts only where a run of scheme characters starts (the
  // scheme is the run from its first letter), and the runs before ':' are possessive (*+; ':' is
  // not in their class, so backtracking into them could not match). Trying every position of a
  // long word, each scanning to the word's end, made a 1 MB value take minutes.
  public static final String SCHEME = "(?<![a-zA-Z0-9+.-])[0-9+.-]*+[a-zA-Z][a-zA-Z0-9+.-]*+://";

  private static final Pattern URL = Pattern.compile(SCHEME + "(?:[^/@\\s]*@)?([^/?#\\s]+)");
  private static final Pattern HOST_PORT =
      Pattern.compile("(?<![\\w.@/:-])(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9][A-Za-z0-9_.-]*+):(\\d{1,5})(?![\\w.:])");
  private static final Set<String> HOST_WORDS = Set.of(
      "HOST", "HOSTS", "HOSTNAME", "SERVER", "SERVERS", "ADDR", "ADDRESS", "BROKER", "BROKERS", "NODES",
      "ENDPOINT", "ENDPOINTS", "URL", "URI", "DSN", "SEEDS", "PEERS", "UPSTREAM", "BACKEND");

  /** From this many services on, {@link #ofEach} scans them on every core. */
  private static final int PARALLEL_FROM = 64;

  /**
   * The last project's {@link #ofEach} (a run works on one project, and its translation and lint
   * rules ask for the same references): the project held weakly, the references being worked out
   * or done. Another project replaces it, so at most one project's references are kept.
   */
  private record Memo(WeakReference<Project> project, CompletableFuture<Map<Service, List<Ref>>> refs) {}

  private static final AtomicReference<Memo> LAST = new AtomicReference<>();

  private HostReferences() {}

  /**
   * {@link #of} of each of {@code p}'s services (by the service object), worked out once per
   * project on every core and shared by whoever asks for the same project: the translation's
   * Service ports and the lint rules that read references. A failure is thrown to each asker as
   * {@link #of} throws it (the first failing service in order).
   */
  public static Map<Service, List<Ref>> ofEach(Project p) {
    while (true) {
      Memo m = LAST.get();
      if (m != null && m.project().get() == p) return OnEveryCore.join(m.refs());
      Memo mine = new Memo(new WeakReference<>(p), new CompletableFuture<>());
      if (!LAST.compareAndSet(m, mine)) continue; // another thread set one first: look again
      try {
        List<Service> services = List.copyOf(p.services().values());
        List<List<Ref>> refs = services.size() < PARALLEL_FROM ? services.stream().map(HostReferences::of).toList()
            : OnEveryCore.map(services, HostReferences::of);
        Map<Service, List<Ref>> out = new IdentityHashMap<>(services.size() * 2);
        for (int i = 0; i < services.size(); i++) out.put(services.get(i), refs.get(i));
        mine.refs().complete(Collections.unmodifiableMap(out));
      } catch (RuntimeException | Error e) {
        mine.refs().completeExceptionally(e);
        LAST.compareAndSet(mine, null); // not kept: the next asker tries again
      }
      return OnEveryCore.join(mine.refs());
    }
  }

  /** {@link #of}{@code (s)} for a service of {@code p}, shared through {@link #ofEach}. */
  public static List<Ref> of(Project p, Service s) {
    List<Ref> refs = ofEach(p).get(s);
    return refs != null ? refs : of(s);
  }

  /** Every host reference in {@code s}'s environment, in variable order. */
  public static List<Ref> of(Service s) {
    List<Ref> out = new ArrayList<>();
    for (Map.Entry<String, String> e : s.execution().environment().entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) continue;
      ModelPath p = s.path("environment").key(e.getKey());
      out.addAll(in(e.getKey(), e.getValue(), p));
    }
    return out;
  }

  /** References in one value. */
  public static List<Ref> in(String key, String value, ModelPath path) {
    List<Ref> out = new ArrayList<>();
    if (value.indexOf(':') < 0) { // no URL and no host:port without a colon: only a host-like name's bare hosts
      if (hostLike(key)) bareHosts(out, key, value, path);
      return out;
    }
    StringBuilder rest = new StringBuilder(value);
    Matcher u = URL.matcher(value);
    while (u.find()) {
      for (String hp : u.group(1).split(",")) add(out, key, hp, path);
      for (int i = u.start(); i < u.end(); i++) rest.setCharAt(i, ' ');
    }
    Matcher m = HOST_PORT.matcher(rest);
    boolean any = false;
    while (m.find()) {
      any = true;
      add(out, key, m.group(1) + ":" + m.group(2), path);
    }
    if (out.isEmpty() && !any && hostLike(key)) bareHosts(out, key, value, path);
    return out;
  }

  /** The value's list items that are bare host names ({@code KAFKA_BROKERS=k1,k2}). */
  private static void bareHosts(List<Ref> out, String key, String value, ModelPath path) {
    for (String part : LIST_SEPARATORS.split(value.trim())) {
      if (BARE_HOST.matcher(part).matches()) add(out, key, part, path);
    }
  }

  private static void add(List<Ref> out, String key, String hostPort, ModelPath path) {
    String h = hostPort.trim();
    int port = -1;
    int colon = h.startsWith("[") ? h.indexOf(':', h.indexOf(']')) : h.lastIndexOf(':');
    if (colon > 0) {
      try {
        port = Integer.parseInt(h.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      h = h.substring(0, colon);
    }
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (!h.isEmpty() && !h.contains("$")) out.add(new Ref(key, h, port > 65535 ? -1 : port, path));
  }

  private static final Pattern LIST_SEPARATORS = Pattern.compile("[,\\s]+");
  private static final Pattern BARE_HOST = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  public static boolean hostLike(String key) {
    for (String w : SecretNames.runs(key.toUpperCase(Locale.ROOT))) if (HOST_WORDS.contains(w)) return true;
    return false;
  }

  /** Whether {@code host} names {@code name} (DNS names compare without case; {@code name.} and a search suffix too). */
  public static boolean names(String host, String name) {
    // Called per reference x service: reject most pairs without allocating (a case-insensitive
    // prefix mismatch means the lower-cased strings differ too).
    int extra = host.length() - name.length();
    if (extra != 0 && extra != 1) return false;
    if (!host.regionMatches(true, 0, name, 0, name.length())) return false;
    String h = host.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    return h.equals(n) || h.equals(n + ".");
  }

  /** Whether {@code host} is the loopback: localhost, 127.x.x.x or ::1. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.endsWith(".localhost");
  }
}
