package dev.ferry.core.explain;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * What {@code explain} shows, independent of the medium: each compose line with the manifest
 * lines it produced (grouped in runs per object), the reasons recorded with them, the construct
 * note, and the findings at that line; then what ferry set with no compose line behind it, and
 * findings that have no line shown. Built once from an {@link Alignment}; {@link SideBySide} and
 * {@link HtmlReport} render it.
 */
public final class Explanation {
  /** Consecutive manifest lines of one object ({@code first} to {@code last}), shown beside one compose line. */
  public record Run(Alignment.Obj object, String context, int first, int last) {
    /** The manifest lines, ascending (a view: a run holds only its first and last line). */
    public List<Integer> lines() {
      return IntStream.rangeClosed(first, last).boxed().toList();
    }
  }

  /** A compose line and everything shown with it. */
  public record Row(String file, int line, String text, List<Run> runs, List<String> reasons, String note,
      List<Diagnostic> findings) {}

  /** A manifest line ferry chose without a compose source, with the reason. */
  public record Default(Alignment.Obj object, int line, String field, String reason) {}

  /** Totals for the summary table. */
  public record Summary(int objects, Map<String, Integer> kinds, int translated, int approximated, int notTranslatable,
      List<Position> notTranslatableAt) {}

  private final Alignment alignment;
  private final List<Diagnostic> diagnostics;
  private final String service;
  private final List<Row> rows = new ArrayList<>();
  private final List<Default> defaults = new ArrayList<>();
  private final List<Diagnostic> unplacedFindings = new ArrayList<>();
  private List<BeforeApply.Item> beforeApply = List.of();
  private final Map<String, Map<Integer, String>> notes = new LinkedHashMap<>();
  private final Map<String, Map<Integer, List<Diagnostic>>> findings = new LinkedHashMap<>();
  private final Map<String, String[]> serviceLines = new HashMap<>();
  private Summary summary;
  private CompletableFuture<ObjectGraph> graph;

  private Explanation(Alignment a, List<Diagnostic> diagnostics, String service) {
    this.alignment = a;
    this.diagnostics = diagnostics;
    this.service = service;
  }

  /** Everything about the project ({@code service} null) or one service's part of it. */
  public static Explanation of(Alignment a, List<Diagnostic> diagnostics, String service) {
    Explanation e = new Explanation(a, diagnostics, service);
    // the graph reads only the alignment: made on the other core while the rows are made
    e.graph = CompletableFuture.supplyAsync(() -> ObjectGraph.of(a, service));
    e.build();
    e.beforeApply = List.copyOf(BeforeApply.of(e));
    return e;
  }

  private void build() {
    KeySpans keySpans = new KeySpans(alignment);
    for (Alignment.ComposeFile f : alignment.files()) {
      Map<Integer, String> n = new LinkedHashMap<>();
      Set<String> noted = new HashSet<>(); // n's values: containsValue was a scan per entry
      for (LineIndex.Entry en : f.index().entries()) {
        String note = DerivedNotes.of(en.path(), alignment, keySpans);
        if (note != null && !noted.contains(note) && inScope(f.name(), en.line()) && !n.containsKey(en.line())) {
          n.put(en.line(), note);
          noted.add(note);
        }
      }
      notes.put(f.name(), n);
      findings.put(f.name(), new LinkedHashMap<>());
    }
    Set<Diagnostic> placed = new LinkedHashSet<>();
    for (Diagnostic d : diagnostics) {
      Map<Integer, List<Diagnostic>> byLine = findings.get(d.position().file());
      if (byLine != null && d.position().isKnown() && inScope(d.position().file(), d.position().line())) {
        byLine.computeIfAbsent(d.position().line(), k -> new ArrayList<>()).add(d);
        placed.add(d);
      }
    }
    for (Diagnostic d : diagnostics) {
      if (!placed.contains(d) && (service == null || service.equals(d.service()))) unplacedFindings.add(d);
    }
    // spans by compose file and first line, in alignment order (one pass, not one per line)
    Map<String, Map<Integer, List<Alignment.Span>>> spansAt = new HashMap<>();
    for (Alignment.Span s : alignment.spans()) {
      if (s.isDefault()) continue;
      spansAt.computeIfAbsent(s.file(), k -> new HashMap<>())
          .computeIfAbsent(s.composeStart(), k -> new ArrayList<>()).add(s);
    }
    BitSet shown = new BitSet(alignment.manifestLineCount() + 1);
    BitSet owned = new BitSet(alignment.manifestLineCount() + 1);
    // which manifest lines each row shows depends on the rows before it (a line is shown once): in
    // order here; the runs made of them (a context lookup each) are then made on every core
    List<Placed> pending = new ArrayList<>();
    for (Alignment.ComposeFile f : alignment.files()) {
      Map<Integer, List<Alignment.Span>> fileSpans = spansAt.getOrDefault(f.name(), Map.of());
      for (int line = 1; line <= f.index().lineCount(); line++) {
        if (!inScope(f.name(), line)) continue;
        List<Alignment.Span> here = fileSpans.getOrDefault(line, List.of());
        List<Alignment.Obj> objs = new ArrayList<>(here.size());
        List<int[]> shownLines = new ArrayList<>(here.size());
        List<String> reasons = List.of();
        for (Alignment.Span s : here) {
          if (s.link().note() != null && !reasons.contains(s.link().note())) {
            if (reasons.isEmpty()) reasons = new ArrayList<>(1);
            reasons.add(s.link().note());
          }
          int[] lines = new int[s.manifestEnd() - s.manifestStart() + 1];
          int n = 0;
          // an object made whole from this line is shown whole: its defaults stay in place (shaded), not in a footer
          boolean whole = s.link().field().isEmpty();
          for (int m = s.manifestStart(); m <= s.manifestEnd(); m++) {
            boolean own = contains(alignment.manifestOwners(m), s.id());
            if ((own || (whole && alignment.isDefaultLine(m))) && !shown.get(m)) {
              shown.set(m);
              lines[n++] = m;
            }
            if (own) owned.set(m);
          }
          Alignment.Obj o = alignment.objects().get(s.object());
          o.yaml().firstAt(0); // its table built here, not by two cores at once
          objs.add(o);
          shownLines.add(Arrays.copyOf(lines, n));
        }
        pending.add(new Placed(f, line, objs, shownLines, reasons));
      }
    }
    rows.addAll(pending.parallelStream().map(this::row).toList());
    for (Alignment.Obj o : alignment.objects()) {
      if (service != null && !service.equals(o.service())) continue;
      for (int m = o.start(); m <= o.end(); m++) {
        if (!alignment.isDefaultLine(m) || owned.get(m)) continue;
        Alignment.Span s = alignment.span(alignment.manifestOwners(m)[0]);
        if (s.link().field().equals("metadata.labels") && m != s.manifestStart()) continue;
        if (m != s.manifestStart() && !s.link().field().isEmpty()) continue;
        defaults.add(new Default(o, m, s.link().field(), s.link().note()));
        if (s.link().field().isEmpty()) break;
      }
    }
  }

  /** A compose line with the manifest lines it shows, per span (in span order), before they are cut into runs. */
  private record Placed(Alignment.ComposeFile file, int line, List<Alignment.Obj> objects, List<int[]> lines,
      List<String> reasons) {}

  private Row row(Placed p) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < p.objects().size(); i++) addRuns(runs, p.objects().get(i), p.lines().get(i));
    runs.sort((x, y) -> Integer.compare(x.first(), y.first()));
    runs = runs.isEmpty() ? List.of() : merged(runs);
    String name = p.file().name();
    return new Row(name, p.line(), p.file().index().line(p.line()), runs, p.reasons(), notes.get(name).get(p.line()),
        findings.get(name).getOrDefault(p.line(), List.of()));
  }

  /** Joins runs of one object that follow each other (so an object reads as one block under one header). */
  private static List<Run> merged(List<Run> runs) {
    List<Run> out = new ArrayList<>(runs.size());
    for (Run r : runs) {
      Run last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.object() == r.object() && r.first() == last.last() + 1) {
        out.set(out.size() - 1, new Run(last.object(), last.context(), last.first(), r.last()));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** Splits {@code lines} (ascending) into runs of consecutive lines. */
  private void addRuns(List<Run> runs, Alignment.Obj o, int[] lines) {
    int i = 0;
    while (i < lines.length) {
      int j = i;
      while (j + 1 < lines.length && lines[j + 1] == lines[j] + 1) j++;
      runs.add(new Run(o, context(o, lines[i]), lines[i], lines[j]));
      i = j + 1;
    }
  }

  /** Where a run sits in its object: the parent path of its first line, shortened for reading. */
  private String context(Alignment.Obj o, int manifestLine) {
    int rel = manifestLine - o.start() + 1;
    LineIndex.Entry at = o.yaml().firstAt(rel);
    ModelPath best = at == null ? null : at.path();
    if (best == null || best.size() <= 1) return "";
    // by the parent path's value: the same path in 10,000 objects is one lookup, not 10,000 texts made and kept
    return contextOf.computeIfAbsent(best.parent(), Explanation::shortened);
  }

  /** The context text of a parent path: its Pod template prefix cut off. */
  private static String shortened(ModelPath parent) {
    String p = parent.toString();
    for (String prefix : List.of("spec.jobTemplate.spec.template.spec.", "spec.template.spec.")) {
      if (p.startsWith(prefix)) return p.substring(prefix.length());
    }
    return p;
  }

  /** The context of each parent path met, made once (a few dozen paths for hundreds of thousands of runs; kept to the end of the page). */
  private final Map<ModelPath, String> contextOf = new ConcurrentHashMap<>();

  private static boolean contains(int[] a, int v) {
    for (int x : a) if (x == v) return true;
    return false;
  }

  /**
   * Whether compose line {@code line} belongs to the shown service: every line when none is
   * chosen; else the lines of its {@code services} entry, and top-level lines (a named volume...)
   * that produced some of its objects.
   */
  private boolean inScope(String file, int line) {
    if (service == null) return true;
    Alignment.ComposeFile f = alignment.file(file);
    if (f == null) return false;
    String[] by = serviceLines.computeIfAbsent(file, k -> serviceLines(f));
    if (line >= 0 && line < by.length && by[line] != null) return service.equals(by[line]);
    for (int id : alignment.composeOwners(file, line)) {
      if (service.equals(alignment.objects().get(alignment.span(id).object()).service())) return true;
    }
    return false;
  }

  /** For each line of a compose file, the service whose {@code services} entry (the first in entry order) holds it. */
  private static String[] serviceLines(Alignment.ComposeFile f) {
    int last = 0;
    for (LineIndex.Entry e : f.index().entries()) if (isServiceEntry(e)) last = Math.max(last, e.endLine());
    String[] by = new String[last + 1];
    for (LineIndex.Entry e : f.index().entries()) {
      if (!isServiceEntry(e)) continue;
      for (int l = Math.max(0, e.line()); l <= e.endLine(); l++) if (by[l] == null) by[l] = String.valueOf(e.path().get(1));
    }
    return by;
  }

  private static boolean isServiceEntry(LineIndex.Entry e) {
    return e.path().size() == 2 && "services".equals(e.path().get(0));
  }

  /** Counts for the summary: objects by kind, and compose keys translated, approximated or not translatable. */
  public Summary summary() {
    if (summary == null) summary = count();
    return summary;
  }

  private Summary count() {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    int objects = 0;
    for (Alignment.Obj o : alignment.objects()) {
      if (service != null && !service.equals(o.service())) continue;
      kinds.merge(o.kind(), 1, Integer::sum);
      objects++;
    }
    int translated = 0;
    int approximated = 0;
    int not = 0;
    List<Position> notAt = new ArrayList<>();
    Map<String, int[]> starts = new HashMap<>();
    for (Alignment.ComposeFile f : alignment.files()) {
      for (LineIndex.Entry e : f.index().entries()) {
        if (!isKey(e.path()) || !inScope(f.name(), e.line())) continue;
        List<Diagnostic> ds = new ArrayList<>();
        for (int l = e.line(); l <= e.endLine(); l++) ds.addAll(findings.get(f.name()).getOrDefault(l, List.of()));
        boolean linked = startsWithin(starts.computeIfAbsent(f.name(), this::spanStarts), e.line(), e.endLine());
        boolean dropped = ds.stream().anyMatch(d -> d.code().equals("not-translatable") || d.severity() == Severity.ERROR);
        if ((dropped && !linked) || (!linked && ds.stream().anyMatch(d -> d.severity() == Severity.WARNING))) {
          not++;
          notAt.add(Position.of(f.name(), e.line(), e.column()));
        }
        else if (linked && !ds.isEmpty()) approximated++;
        else if (linked) translated++;
      }
    }
    return new Summary(objects, kinds, translated, approximated, not, notAt);
  }

  /** The first compose lines of the spans in {@code file}, sorted. */
  private int[] spanStarts(String file) {
    return alignment.spans().stream().filter(sp -> file.equals(sp.file())).mapToInt(Alignment.Span::composeStart).sorted().toArray();
  }

  /** Whether some value of {@code sorted} lies in [from, to]. */
  private static boolean startsWithin(int[] sorted, int from, int to) {
    int i = Arrays.binarySearch(sorted, from);
    if (i < 0) i = -i - 1;
    return i < sorted.length && sorted[i] <= to;
  }

  /** A service key or a top-level entry (services.X.key, volumes.X, ...), the unit the summary counts. */
  private static boolean isKey(ModelPath p) {
    if (p.size() >= 2 && "services".equals(p.get(0))) return p.size() == 3;
    return p.size() == 2 && List.of("volumes", "configs", "secrets", "networks").contains(String.valueOf(p.get(0)));
  }

  public List<Row> rows() {
    return rows;
  }

  /** What to act on before applying the manifests (errors and warnings first), each with its compose line. */
  public List<BeforeApply.Item> beforeApply() {
    return beforeApply;
  }

  public List<Default> defaults() {
    return defaults;
  }

  /**
   * What each of {@link #defaults} sets, in the same order: the object when the default is the
   * whole object, else its manifest line (stripped). Looked up on every core.
   */
  public List<String> defaultTexts() {
    return defaults.parallelStream().map(d -> d.field().isEmpty() ? d.object().ref() : alignment.manifestLine(d.line()).strip())
        .toList();
  }

  /** Findings with no compose line to show them at. */
  public List<Diagnostic> unplacedFindings() {
    return unplacedFindings;
  }

  /** The construct note at a compose line, or null. */
  public String note(String file, int line) {
    Map<Integer, String> n = notes.get(file);
    return n == null ? null : n.get(line);
  }

  /** Findings at a compose line. */
  public List<Diagnostic> findings(String file, int line) {
    Map<Integer, List<Diagnostic>> f = findings.get(file);
    return f == null ? List.of() : f.getOrDefault(line, List.of());
  }

  /** The objects and how requests flow between them ({@link ObjectGraph}). */
  public ObjectGraph graph() {
    return OnEveryCore.join(graph);
  }

  public Alignment alignment() {
    return alignment;
  }

  public String service() {
    return service;
  }
}
