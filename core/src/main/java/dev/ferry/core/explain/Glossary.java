package dev.ferry.core.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes terms explain's notes, reasons and findings use, each with a one-line meaning for
 * someone who knows compose. The text output lists those it used; the HTML links them from the
 * notes; docs/tutorial.md embeds the list (a test keeps it equal).
 */
public final class Glossary {
  /** A term, the words that refer to it (matched as whole words, plural allowed), and what it means. */
  public record Term(String name, List<String> words, String meaning) {
    public String id() {
      String id = IDS.get(name);
      return id != null ? id : idOf(name);
    }
  }

  private static String idOf(String name) {
    return "g-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  public static final List<Term> TERMS = List.of(
      t("Pod", "One or more containers scheduled together on one node, sharing a network address; the unit Kubernetes runs and restarts.", "Pod"),
      t("Deployment", "Keeps a number of interchangeable Pods running and replaces them by a rolling update.", "Deployment"),
      t("Service", "A stable name and virtual address in front of the ready Pods that match its selector; how other Pods reach them.", "Service"),
      t("ClusterIP", "The default Service type: reachable only inside the cluster, like a service on a compose network.", "ClusterIP"),
      t("initContainer", "A container that runs to completion before the Pod's app containers start.", "initContainer"),
      t("readiness probe", "A check that decides whether a Pod gets traffic from its Services; failing it does not restart anything.",
          "readinessProbe", "readiness probe"),
      t("liveness probe", "A check whose failures make the kubelet restart the container.", "livenessProbe", "liveness probe"),
      t("Secret", "An object holding values for Pods; stored base64-encoded, not encrypted, unless the cluster encrypts it at rest.", "Secret"),
      t("ConfigMap", "An object holding non-secret configuration (variables or files) for Pods.", "ConfigMap"),
      t("PersistentVolumeClaim", "A request for storage that outlives Pods, fulfilled by the cluster's storage class.", "PersistentVolumeClaim"),
      t("ReadWriteOnce", "An access mode: the volume can be mounted read-write by one node at a time (several Pods on that node may share it).",
          "ReadWriteOnce"),
      t("ReadWriteOncePod", "An access mode: the volume can be mounted by a single Pod.", "ReadWriteOncePod"),
      t("ReadWriteMany", "An access mode: many nodes may mount the volume read-write; only some storage classes offer it.", "ReadWriteMany"),
      t("StatefulSet", "Like a Deployment, but each Pod has a stable name and its own storage.", "StatefulSet"),
      t("Job", "Runs Pods until they complete successfully, for tasks that run once and exit.", "Job"),
      t("PodDisruptionBudget", "Limits how many Pods of a workload voluntary disruptions (a node drain) may evict at once.", "PodDisruptionBudget"),
      t("node drain", "Moving all Pods off a node (for an upgrade or repair) by evicting them.", "node drain"),
      t("QoS", "Quality-of-service class (Guaranteed, Burstable, BestEffort) from requests and limits; decides which Pods are evicted first.",
          "QoS"),
      t("OOMKilled", "A container killed because it used more memory than its limit.", "OOMKilled"),
      t("securityContext", "Per-Pod and per-container security settings: user, capabilities, privilege escalation, seccomp.", "securityContext"),
      t("seccomp", "A Linux filter of the system calls a container may make; RuntimeDefault is the container runtime's default profile.",
          "seccomp", "seccompProfile"),
      t("Ingress", "Routes HTTP from outside the cluster to Services, by host and path.", "Ingress"),
      t("port-forward", "kubectl port-forward: forwards a local port to a Pod or Service, for trying an app without an Ingress.", "port-forward"));

  /** Each term's anchor, made once (a regular expression per link was 90 MB at 10,000 services). */
  private static final Map<String, String> IDS = new HashMap<>();

  static {
    for (Term t : TERMS) IDS.put(t.name(), idOf(t.name()));
  }

  private Glossary() {}

  private static Term t(String name, String meaning, String... words) {
    return new Term(name, List.of(words), meaning);
  }

  /**
   * The terms {@code text} uses, in glossary order: those {@link #find} finds, in one pass over the
   * text (a page of 10,000 services is hundreds of megabytes; one {@code indexOf} scan per word of
   * every term not on it cost a pass each).
   */
  public static List<Term> used(String text) {
    Scan s = new Scan();
    s.add(text);
    return s.terms();
  }

  /**
   * {@link #used} over a text given in pieces that each end with a line break (or the text's end):
   * no term word holds a line break, so the terms of the whole are the terms of its pieces. A page
   * is scanned as it is written, without ever being one string.
   */
  static final class Scan {
    private final boolean[] found = new boolean[TERMS.size()];
    private int left = TERMS.size();

    /**
     * Scans one piece, as Latin-1 bytes (a copy, where chars would be an inflation): a character
     * outside Latin-1 becomes '?', which like it starts no term word and is no word character.
     */
    void add(String text) {
      int n = text.length();
      if (left == 0 || n == 0) return;
      byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
      if (t.length != n) { // a character outside the BMP became one '?' for its two chars: one byte per char instead
        t = new byte[n];
        for (int i = 0; i < n; i++) t[i] = (byte) (text.charAt(i) < 256 ? text.charAt(i) : '?');
      }
      int before = '\n';
      for (int i = 0; i + 1 < n; i++) { // every word has two characters or more
        int c = t[i] & 0xFF;
        // most characters are inside a word: that test first
        if (!WORDISH[before] && STARTS[c] && PAIRS[(c << 8) | (t[i + 1] & 0xFF)] && match(text, t, i, c) && left == 0) return;
        before = c;
      }
    }

    /** Marks the terms whose words start at {@code i} (first character {@code c}); true when one was new. */
    private boolean match(String text, byte[] t, int i, int c) {
      boolean any = false;
      for (int[] tw : BY_FIRST[c]) {
        if (found[tw[0]]) continue;
        String w = TERMS.get(tw[0]).words().get(tw[1]);
        if (!text.startsWith(w, i)) continue;
        int end = i + w.length();
        boolean plural = end < t.length && t[end] == 's' && !wordOrDash(text, end + 1);
        if (plural || !wordOrDash(text, end)) {
          found[tw[0]] = true;
          left--;
          any = true;
        }
      }
      return any;
    }

    /** Adds the terms another scan found (the terms of a text are the union of those of its pieces). */
    void addAll(Scan other) {
      for (int k = 0; k < found.length; k++) {
        if (other.found[k] && !found[k]) {
          found[k] = true;
          left--;
        }
      }
    }

    /** The terms found so far, in glossary order. */
    List<Term> terms() {
      List<Term> out = new ArrayList<>();
      for (int k = 0; k < TERMS.size(); k++) if (found[k]) out.add(TERMS.get(k));
      return out;
    }
  }

  /** Whether some term word starts with the character (Latin-1). */
  private static final boolean[] STARTS = new boolean[256];
  /** Whether some term word starts with the two characters (first * 256 + second, Latin-1): most candidates end here. */
  private static final boolean[] PAIRS = new boolean[256 * 256];
  /** The characters a term word may not follow: word characters, '/' and '-' (Latin-1). */
  private static final boolean[] WORDISH = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) WORDISH[c] = word((char) c) || c == '/' || c == '-';
  }

  /** {term index, word index} of every term word, by the word's first character. */
  private static final int[][][] BY_FIRST = byFirst();

  private static int[][][] byFirst() {
    List<List<int[]>> lists = new ArrayList<>();
    for (int c = 0; c < 128; c++) lists.add(null);
    for (int k = 0; k < TERMS.size(); k++) {
      List<String> ws = TERMS.get(k).words();
      for (int j = 0; j < ws.size(); j++) {
        char c = ws.get(j).charAt(0);
        PAIRS[(c << 8) | ws.get(j).charAt(1)] = true;
        if (lists.get(c) == null) lists.set(c, new ArrayList<>());
        lists.get(c).add(new int[] {k, j});
      }
    }
    int[][][] out = new int[128][][];
    for (int c = 0; c < 128; c++) {
      if (lists.get(c) != null) out[c] = lists.get(c).toArray(new int[0][]);
      STARTS[c] = lists.get(c) != null;
    }
    return out;
  }

  /**
   * Where term {@code t} first occurs in {@code text} as a word of its own (an optional plural
   * {@code s}; not inside a longer word, path or hyphenated name): {start, end}, or null. A scan with
   * {@code indexOf} per word: linear, and cheap on the multi-megabyte pages a long value makes.
   */
  static int[] find(Term t, String text) {
    int[] best = null;
    for (String w : t.words()) {
      int from = 0;
      int i;
      while ((i = text.indexOf(w, from)) >= 0 && (best == null || i < best[0])) {
        from = i + 1;
        if (i > 0 && (word(text.charAt(i - 1)) || text.charAt(i - 1) == '/' || text.charAt(i - 1) == '-')) continue;
        int end = i + w.length();
        if (end < text.length() && text.charAt(end) == 's' && !wordOrDash(text, end + 1)) {
          best = new int[] {i, end + 1};
        } else if (!wordOrDash(text, end)) {
          best = new int[] {i, end};
        }
        if (best != null && best[0] == i) break;
      }
    }
    return best;
  }

  private static boolean word(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean wordOrDash(String text, int at) {
    return at < text.length() && (word(text.charAt(at)) || text.charAt(at) == '-');
  }

  /** The glossary as a Markdown list (docs/tutorial.md embeds it). */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    for (Term t : TERMS) b.append("- **").append(t.name()).append("**: ").append(t.meaning()).append('\n');
    return b.toString();
  }
}
