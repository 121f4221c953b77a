package dev.ferry.core.translate;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Project;
import dev.ferry.core.provenance.Provenance;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.knowledge.Naming;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shared state of one translation: the project and its source map, options, naming, the objects
 * emitted so far, provenance and diagnostics. Mappers read it and add to it; they never mutate
 * the model.
 */
public final class TranslationContext {
  private final Project project;
  private final SourceMap sourceMap;
  private final TranslateOptions options;
  private final Naming naming;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Provenance provenance = new Provenance();
  private final FieldPaths fieldPaths;
  private final List<HasMetadata> objects = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> emitted = new HashSet<>();
  private final String partOf;
  private final boolean renamesAny;
  /** For a {@link #fork()}: the context it reads (never writes) while it runs; null otherwise. */
  private final TranslationContext parent;
  /** For a fork: what it asked of the parent, to check at {@link #join} that the answers still hold. */
  private final Set<String> emittedMisses;
  private final Map<String, Integer> linksSeen;

  /** The label ferry puts on everything it emits (Helm's chart replaces it with its own). */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String COMPONENT = "app.kubernetes.io/component";

  public TranslationContext(Project project, SourceMap sourceMap, TranslateOptions options) {
    this.project = project;
    this.sourceMap = sourceMap;
    this.options = options;
    this.naming = Naming.of(project);
    this.fieldPaths = new FieldPaths();
    this.partOf = labelValue(project.name() == null ? "app" : project.name());
    this.renamesAny = naming.all().entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
    this.parent = null;
    this.emittedMisses = null;
    this.linksSeen = null;
  }

  private TranslationContext(TranslationContext parent) {
    this.project = parent.project;
    this.sourceMap = parent.sourceMap;
    this.options = parent.options;
    this.naming = parent.naming;
    this.fieldPaths = parent.fieldPaths;
    this.partOf = parent.partOf;
    this.renamesAny = parent.renamesAny;
    this.parent = parent;
    this.emittedMisses = new HashSet<>();
    this.linksSeen = new HashMap<>();
  }

  /**
   * A context for translating one service on another thread: it reads this context's names,
   * emitted objects and provenance as they are now (this context must not change while forks
   * run) and keeps its own objects, names, provenance and findings until {@link #join}ed.
   */
  public TranslationContext fork() {
    return new TranslationContext(this);
  }

  /**
   * Adds {@code fork}'s objects, names, provenance and findings, in its order, as if its mappers had
   * run on this context now; returns false (adding nothing) when that would not be so: a name it
   * claimed, an object it found missing or links it read were added here since it was forked (by
   * an earlier service). The caller then translates that service again, on this context.
   */
  public boolean join(TranslationContext fork) {
    if (fork.parent != this) throw new IllegalArgumentException("not a fork of this context");
    for (String n : fork.names) if (names.contains(n)) return false;
    for (String e : fork.emittedMisses) if (emitted.contains(e)) return false;
    for (Map.Entry<String, Integer> e : fork.linksSeen.entrySet()) {
      int slash = e.getKey().indexOf('/');
      if (provenance.of(e.getKey().substring(0, slash), e.getKey().substring(slash + 1)).size() != e.getValue()) return false;
    }
    objects.addAll(fork.objects);
    names.addAll(fork.names);
    emitted.addAll(fork.emitted);
    provenance.addAll(fork.provenance);
    diagnostics.addAll(fork.diagnostics.all());
    return true;
  }

  /** Whether any service had to be renamed (without one, no reference needs rewriting). */
  public boolean renamesAny() {
    return renamesAny;
  }

  /** The labels that select {@code name}'s Pods: stable, never changed by steering. */
  public Map<String, String> selector(String name) {
    Map<String, String> m = new LinkedHashMap<>(8); // at most four labels
    m.put(NAME, labelValue(name));
    m.put(PART_OF, partOf);
    return m;
  }

  /** Recommended labels for an object of service {@code name} (component may be null). */
  public Map<String, String> labels(String name, String component) {
    Map<String, String> m = selector(name);
    if (component != null) m.put(COMPONENT, component);
    m.put(MANAGED_BY, "ferry");
    return m;
  }

  /** Metadata with name, namespace (when given) and recommended labels. */
  public ObjectMeta meta(String name, String service, String component) {
    // set on the object, not through an ObjectMetaBuilder (whose construction and build copy every field)
    ObjectMeta m = new ObjectMeta();
    m.setName(name);
    m.setNamespace(options.namespace());
    m.setLabels(labels(service, component));
    return m;
  }

  /**
   * A name for a new object of {@code kind}, unique within that kind: {@code base} (made a valid
   * DNS-1123 label), or base-2, base-3... when taken.
   */
  public String claimName(String kind, String base) {
    String b = Naming.sanitize(base);
    String n = b;
    for (int i = 2; !claim(kind + "/" + n); i++) {
      String suffix = "-" + i;
      n = (b.length() + suffix.length() > 63 ? b.substring(0, 63 - suffix.length()) : b) + suffix;
    }
    return n;
  }

  private boolean claim(String key) {
    if (parent != null && parent.names.contains(key)) return false;
    return names.add(key);
  }

  /** Any string to a valid label value (63 chars, alphanumeric at both ends, [-_.] inside). */
  public static String labelValue(String s) {
    if (isLabelValue(s)) return s;
    String t = INVALID.matcher(s).replaceAll("-");
    if (t.length() > 63) t = t.substring(0, 63);
    t = TRIM.matcher(t).replaceAll("");
    return t;
  }

  private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.-]");
  private static final Pattern TRIM = Pattern.compile("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$");

  /** Whether {@code labelValue} would return {@code s} unchanged (the common case, checked without a regex). */
  private static boolean isLabelValue(String s) {
    int n = s.length();
    if (n == 0) return true;
    if (n > 63 || !alnum(s.charAt(0)) || !alnum(s.charAt(n - 1))) return false;
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
    }
    return true;
  }

  private static boolean alnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  public Project project() {
    return project;
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }

  public TranslateOptions options() {
    return options;
  }

  public Naming naming() {
    return naming;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** Builds (once) the dotted field paths provenance records. */
  FieldPaths fieldPaths() {
    return fieldPaths;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Adds an emitted object. */
  public void emit(HasMetadata obj) {
    objects.add(obj);
    if (obj.getMetadata() != null) emitted.add(obj.getKind() + "/" + obj.getMetadata().getName());
    if (obj.getMetadata() != null && obj.getMetadata().getLabels() != null && !obj.getMetadata().getLabels().isEmpty()) {
      provenance.defaulted(obj.getKind(), obj.getMetadata().getName(), "metadata.labels",
          "Kubernetes' recommended labels: the service (name), the project (part-of) and the tool (managed-by)");
    }
    if (options.namespace() != null && obj.getMetadata() != null && options.namespace().equals(obj.getMetadata().getNamespace())) {
      provenance.defaulted(obj.getKind(), obj.getMetadata().getName(), "metadata.namespace", "--namespace");
    }
  }

  /** Whether an object of {@code kind} named {@code name} has been emitted. */
  public boolean emitted(String kind, String name) {
    String key = kind + "/" + name;
    if (emitted.contains(key)) return true;
    if (parent == null) return false;
    if (parent.emitted.contains(key)) return true;
    emittedMisses.add(key);
    return false;
  }

  /** The provenance links recorded so far for one object (in a fork: the parent's, then its own). */
  public List<Provenance.Link> linksOf(String kind, String name) {
    List<Provenance.Link> own = provenance.of(kind, name);
    if (parent == null) return own;
    List<Provenance.Link> before = parent.provenance.of(kind, name);
    linksSeen.put(kind + "/" + name, before.size());
    if (before.isEmpty()) return own;
    List<Provenance.Link> all = new ArrayList<>(before);
    all.addAll(own);
    return all;
  }

  public List<HasMetadata> objects() {
    return Collections.unmodifiableList(objects);
  }

  /** Reports a translation finding at a model path; {@code code} is the lint rule id that shows it. */
  public void report(String code, Severity severity, ModelPath at, String service, String message) {
    diagnostics.add(new Diagnostic(code, severity, sourceMap.position(at), message, null, service));
  }

  public void report(String code, Severity severity, ModelPath at, String service, String message, String hint) {
    diagnostics.add(new Diagnostic(code, severity, sourceMap.position(at), message, hint, service));
  }
}
