package dev.ferry.core.knowledge;

import dev.ferry.core.model.Project;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Compose names to Kubernetes names, consistently: every object of a service uses
 * {@link #of(String)}. A name that is a DNS-1123 label already (lower-case alphanumerics and '-',
 * starting with a letter for Services, at most 63 chars) is kept; otherwise it is lower-cased,
 * '_' and '.' become '-', other characters are dropped, and a numeric suffix resolves collisions.
 */
public final class Naming {
  private final Map<String, String> names;
  /** Renamed services in source order, and their positions there by lower-cased name. */
  private final List<String> renamed = new ArrayList<>();
  private final Map<String, List<Integer>> renamedByLower = new HashMap<>();

  private Naming(Map<String, String> names) {
    this.names = names;
    // names holds the valid (never renamed) names first, then the others in source order, so the
    // renamed ones keep their source order
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (e.getValue().equals(e.getKey())) continue;
      renamedByLower.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(renamed.size());
      renamed.add(e.getKey());
    }
  }

  public static Naming of(Project p) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    // Valid names first, so they keep their name when an invalid one would collide with them.
    for (String n : p.services().keySet()) {
      if (isLabel(n)) {
        out.put(n, n);
        used.add(n);
      }
    }
    for (String n : p.services().keySet()) {
      if (out.containsKey(n)) continue;
      String base = sanitize(n);
      String cand = base;
      for (int i = 2; used.contains(cand); i++) {
        String suffix = "-" + i;
        cand = trim(base, 63 - suffix.length()) + suffix;
      }
      out.put(n, cand);
      used.add(cand);
    }
    return new Naming(Collections.unmodifiableMap(out));
  }

  /** The Kubernetes name of a compose service (also usable for names not in the project). */
  public String of(String composeName) {
    String n = names.get(composeName);
    return n != null ? n : sanitize(composeName);
  }

  /** Whether the service had to be renamed. */
  public boolean renamed(String composeName) {
    return !of(composeName).equals(composeName);
  }

  /**
   * The last renamed service (in source order) that {@code host} names in the sense of
   * {@link HostReferences#names}, or null: looked up by name, not by a pass over every service.
   */
  public String renamedNamedBy(String host) {
    if (renamed.isEmpty()) return null;
    String h = host.toLowerCase(Locale.ROOT);
    int best = last(host, renamedByLower.get(h), -1);
    if (h.endsWith(".")) best = last(host, renamedByLower.get(h.substring(0, h.length() - 1)), best);
    return best < 0 ? null : renamed.get(best);
  }

  private int last(String host, List<Integer> candidates, int best) {
    if (candidates == null) return best;
    for (int i : candidates) if (i > best && HostReferences.names(host, renamed.get(i))) best = i;
    return best;
  }

  public Map<String, String> all() {
    return names;
  }

  // compiled once: isLabel and sanitize run for every name of a project
  private static final Pattern SEPARATORS = Pattern.compile("[_.\\s]+");
  private static final Pattern NOT_LABEL_CHARS = Pattern.compile("[^a-z0-9-]");
  private static final Pattern DASH_RUNS = Pattern.compile("-{2,}");
  private static final Pattern LEADING_DASHES_DIGITS = Pattern.compile("^[-0-9]+");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

  /** RFC 1035 label: what a Service name must be. */
  public static boolean isLabel(String s) {
    // [a-z]([-a-z0-9]*[a-z0-9])? checked by hand (called for every name of every service)
    int n = s.length();
    if (n == 0 || n > 63 || !lower(s.charAt(0)) || s.charAt(n - 1) == '-') return false;
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!lower(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    }
    return true;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Any string to an RFC 1035 label (for Services; also valid as an RFC 1123 subdomain). */
  public static String sanitize(String s) {
    if (isLabel(s) && !s.contains("--")) return s; // what every step below would leave as it is
    String t = SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
    t = NOT_LABEL_CHARS.matcher(t).replaceAll("");
    t = DASH_RUNS.matcher(t).replaceAll("-");
    t = LEADING_DASHES_DIGITS.matcher(t).replaceAll("");
    t = TRAILING_DASHES.matcher(t).replaceAll("");
    if (t.isEmpty()) t = "svc";
    return trim(t, 63);
  }

  private static String trim(String s, int max) {
    String t = s.length() > max ? s.substring(0, max) : s;
    return TRAILING_DASHES.matcher(t).replaceAll("");
  }
}
