package dev.ferry.core.explain;

import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.source.ModelPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The emitted objects and how requests flow between them, read from the emitted fields: a Service
 * sends to the workload whose Pods its selector matches; a workload calls the Services whose names
 * its environment, command, wait containers or mounted ConfigMaps use (and, when a name it uses
 * has no Service, a broken edge); it uses the claims, Secrets and ConfigMaps its Pod refers to.
 * Objects are ordered along the request path: entry Services (published ports, Ingress) first,
 * then breadth-first through what each one calls.
 */
public final class ObjectGraph {
  /** An edge: {@code to} is an object ref, or a bare name for a broken reference. */
  public record Edge(String from, String to, String kind, boolean broken) {}

  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  private final List<Alignment.Obj> order = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  /** {@link #edges} by their {@code from}, in the same order (a lookup per object instead of a scan of every edge). */
  private final Map<String, List<Edge>> edgesFrom = new LinkedHashMap<>();
  private final List<String> entries = new ArrayList<>();
  /** Every edge found so far (each is kept once). */
  private final Set<Edge> added = new HashSet<>();

  private ObjectGraph() {}

  public static ObjectGraph of(Explanation e) {
    return e.graph();
  }

  /** The graph of the objects of {@code a}, those of {@code service} only when it is not null. */
  static ObjectGraph of(Alignment a, String service) {
    ObjectGraph g = new ObjectGraph();
    g.build(a, service);
    return g;
  }

  private void build(Alignment a, String service) {
    List<Alignment.Obj> objs = new ArrayList<>();
    for (Alignment.Obj o : a.objects()) if (service == null || service.equals(o.service())) objs.add(o);
    Map<String, Alignment.Obj> byRef = new LinkedHashMap<>();
    for (Alignment.Obj o : a.objects()) byRef.put(o.ref(), o);
    // what the graph reads of each object, from its typed fields (a Jackson tree of every object
    // was 20,000 conversions and a few hundred megabytes to collect at 10,000 services)
    Map<String, GraphFacts> facts = new HashMap<>();
    for (Alignment.Obj o : a.objects()) facts.put(o.ref(), GraphFacts.of(o.object()));
    Set<String> services = new LinkedHashSet<>();
    Set<String> workloadNames = new LinkedHashSet<>();
    for (Alignment.Obj o : a.objects()) {
      if (o.kind().equals("Service")) services.add(o.name());
      if (WORKLOADS.contains(o.kind())) workloadNames.add(o.name());
    }
    Map<String, List<Edge>> out = new LinkedHashMap<>();
    Mentions serviceMentions = new Mentions(services);
    Mentions workloadMentions = new Mentions(workloadNames);
    Labelled labelled = new Labelled(a.objects(), facts);
    for (Alignment.Obj o : a.objects()) {
      GraphFacts j = facts.get(o.ref());
      if (o.kind().equals("Service")) {
        for (Alignment.Obj w : labelled.candidates(j.selector())) {
          if (selects(j.selector(), facts.get(w.ref()).podLabels())) add(out, new Edge(o.ref(), w.ref(), "routes to", false));
        }
        String type = j.type() == null ? "ClusterIP" : j.type();
        String app = j.labels().getOrDefault(APP_NAME, o.name());
        boolean published = composeLine(a, ModelPath.of("services", app, "ports")) < Integer.MAX_VALUE;
        if (!type.equals("ClusterIP") || published) entries.add(o.ref());
      }
      if (o.kind().equals("Ingress")) {
        for (String svc : j.backends()) add(out, new Edge(o.ref(), "Service/" + svc, "routes to", false));
        entries.add(0, o.ref());
      }
      if (WORKLOADS.contains(o.kind())) {
        StringBuilder text = new StringBuilder(j.text());
        Set<String> uses = j.uses();
        for (String u : uses) {
          GraphFacts data = facts.get(u);
          if (data != null && u.startsWith("ConfigMap/")) data.data().forEach(d -> text.append(' ').append(d));
        }
        String self = o.name();
        String all = text.toString();
        for (String s : serviceMentions.in(all)) {
          if (!s.equals(self) && mentions(all, s)) add(out, new Edge(o.ref(), "Service/" + s, "calls", false));
        }
        for (String w : workloadMentions.in(all)) {
          if (!w.equals(self) && !services.contains(w) && mentions(all, w)) {
            add(out, new Edge(o.ref(), w, "calls", true));
          }
        }
        for (String u : uses) if (byRef.containsKey(u)) add(out, new Edge(o.ref(), u, "uses", false));
      }
      if (o.kind().equals("PodDisruptionBudget")) {
        for (Alignment.Obj w : labelled.candidates(j.selector())) {
          if (selects(j.selector(), facts.get(w.ref()).podLabels())) add(out, new Edge(o.ref(), w.ref(), "protects", false));
        }
      }
    }
    // breadth-first from the entry points, then from every workload not reached, then the rest
    // each object's compose service line looked up once, not once per comparison
    Map<String, Integer> serviceLine = new HashMap<>();
    ToIntFunction<String> lineOf = r -> serviceLine.computeIfAbsent(r, k -> composeLine(a, ModelPath.of("services",
        facts.get(k).labels().getOrDefault(APP_NAME, ""))));
    entries.sort(Comparator.comparingInt(lineOf));
    Deque<String> queue = new ArrayDeque<>(entries);
    Set<String> seen = new LinkedHashSet<>();
    List<String> starts = new ArrayList<>(entries);
    List<Alignment.Obj> workloads = new ArrayList<>();
    for (Alignment.Obj o : a.objects()) if (WORKLOADS.contains(o.kind())) workloads.add(o);
    workloads.sort(Comparator.comparingInt(o -> lineOf.applyAsInt(o.ref())));
    for (Alignment.Obj o : workloads) starts.add(o.ref());
    for (Alignment.Obj o : a.objects()) starts.add(o.ref());
    for (String start : starts) {
      if (!seen.contains(start)) queue.add(start);
      while (!queue.isEmpty()) {
        String r = queue.poll();
        if (!seen.add(r)) continue;
        for (Edge ed : out.getOrDefault(r, List.of())) if (!ed.broken() && !seen.contains(ed.to())) queue.add(ed.to());
      }
    }
    Set<String> keep = new LinkedHashSet<>();
    for (Alignment.Obj o : objs) keep.add(o.ref());
    for (String r : seen) if (keep.contains(r)) order.add(byRef.get(r));
    for (String r : seen) {
      for (Edge ed : out.getOrDefault(r, List.of())) {
        if (!keep.contains(ed.from())) continue;
        edges.add(ed);
        edgesFrom.computeIfAbsent(ed.from(), k -> new ArrayList<>()).add(ed);
      }
    }
    entries.removeIf(r -> !keep.contains(r));
  }

  /** The label that names the compose service an object was made for. */
  private static final String APP_NAME = "app.kubernetes.io/name";

  /** The line of {@code p} in the first compose file that has it, else a large number (last). */
  private static int composeLine(Alignment a, ModelPath p) {
    for (Alignment.ComposeFile f : a.files()) {
      var e = f.index().find(p);
      if (e.isPresent()) return e.get().line();
    }
    return Integer.MAX_VALUE;
  }

  private void add(Map<String, List<Edge>> out, Edge e) {
    if (added.add(e)) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
  }

  /**
   * Whether {@code name} occurs as a host name: not inside a longer name, and not followed by "://"
   * (a URL scheme): where {@code (?<![\\w.-])name(?![\\w-]|://|\\.\\w)} would match, found with
   * indexOf (a pattern compiled per workload and name was a third of the graph's time).
   */
  static boolean mentions(String t, String name) {
    for (int i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) {
      if (i > 0 && (word(t.charAt(i - 1)) || t.charAt(i - 1) == '.' || t.charAt(i - 1) == '-')) continue;
      int e = i + name.length();
      if (e < t.length() && (word(t.charAt(e)) || t.charAt(e) == '-')) continue;
      if (t.startsWith("://", e)) continue;
      if (e + 1 < t.length() && t.charAt(e) == '.' && word(t.charAt(e + 1))) continue;
      return true;
    }
    return false;
  }

  /** A regex word character ({@code \\w}: ASCII letters, digits and '_'). */
  private static boolean word(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** Workloads by each of their Pod labels (key and value), in object order: a selector's candidates. */
  private static final class Labelled {
    private final Map<String, List<Alignment.Obj>> byLabel = new HashMap<>();

    Labelled(List<Alignment.Obj> objects, Map<String, GraphFacts> facts) {
      for (Alignment.Obj w : objects) {
        if (!WORKLOADS.contains(w.kind())) continue;
        for (Map.Entry<String, String> f : facts.get(w.ref()).podLabels().entrySet()) {
          byLabel.computeIfAbsent(f.getKey() + "\0" + f.getValue(), k -> new ArrayList<>()).add(w);
        }
      }
    }

    /** The workloads whose Pod labels hold one key and value of the selector (all others cannot match). */
    List<Alignment.Obj> candidates(Map<String, String> selector) {
      if (selector.isEmpty()) return List.of();
      Map.Entry<String, String> first = selector.entrySet().iterator().next();
      return byLabel.getOrDefault(first.getKey() + "\0" + first.getValue(), List.of());
    }
  }

  /** Whether a (non-empty) selector matches the labels: each of its keys with the same value. */
  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    if (selector.isEmpty()) return false;
    for (Map.Entry<String, String> f : selector.entrySet()) {
      if (!f.getValue().equals(labels.get(f.getKey()))) return false;
    }
    return true;
  }

  /**
   * A column for each object in a left-to-right drawing: entry Services at 1 (0 is the user), then
   * one more per hop; a workload no entry reaches (a worker) starts in the workload column.
   */
  public Map<String, Integer> depths() {
    Map<String, Integer> d = new LinkedHashMap<>();
    Deque<String> q = new ArrayDeque<>();
    for (String e : entries) {
      d.put(e, 1);
      q.add(e);
    }
    for (Alignment.Obj o : order) {
      if (!d.containsKey(o.ref())) {
        d.put(o.ref(), WORKLOADS.contains(o.kind()) ? 2 : o.kind().equals("Service") ? 1 : 3);
        q.add(o.ref());
      }
      while (!q.isEmpty()) {
        String r = q.poll();
        for (Edge ed : edgesFrom.getOrDefault(r, List.of())) {
          if (!d.containsKey(ed.to())) {
            d.put(ed.to(), d.get(r) + 1);
            q.add(ed.to());
          }
        }
      }
    }
    return d;
  }

  /** The objects in request-path order. */
  public List<Alignment.Obj> order() {
    return order;
  }

  public List<Edge> edges() {
    return edges;
  }

  /** Entry points: Ingresses and Services with published ports (reached with an Ingress or kubectl port-forward). */
  public List<String> entries() {
    return entries;
  }

  /** The graph as text, one line per object that has edges, in request-path order. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (String e : entries) if (e.startsWith("Service/")) out.add("you (Ingress or kubectl port-forward) -> " + e);
    for (Alignment.Obj o : order) {
      Map<String, List<String>> byKind = new LinkedHashMap<>();
      for (Edge ed : edgesFrom.getOrDefault(o.ref(), List.of())) {
        byKind.computeIfAbsent(ed.kind(), k -> new ArrayList<>())
            .add(ed.broken() ? ed.to() + " (NO Service: the name will not resolve)" : ed.to());
      }
      if (byKind.isEmpty()) continue;
      List<String> parts = new ArrayList<>();
      byKind.forEach((k, v) -> parts.add(k + " " + String.join(", ", v)));
      out.add(o.ref() + " " + String.join("; ", parts));
    }
    return out;
  }
}
