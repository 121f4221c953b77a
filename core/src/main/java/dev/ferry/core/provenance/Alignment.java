package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compose lines ↔ manifest lines, from the translation's {@link Provenance}: each link becomes a
 * {@link Span} joining the compose lines of its source (the key and everything under it) to the
 * manifest lines of its field. The manifest is the text {@code ferry convert} prints (a
 * {@code ---} line, then each object). A line belongs to the most specific spans that cover it
 * (the smallest range), so {@code healthcheck.test} goes to the readinessProbe while the
 * {@code healthcheck:} line above it goes to the livenessProbe. Used by {@code explain} (text and
 * HTML) and {@code convert --annotate}.
 */
public final class Alignment {
  /** A compose file as read: its display name, text and line index. */
  public record ComposeFile(String name, String text, LineIndex index) {}

  /**
   * One emitted object in the manifest text: its {@code ---} line, content lines, and the compose
   * service it belongs to (null for project-level objects such as a volume's claim).
   */
  public record Obj(int index, HasMetadata object, String kind, String name, int separator, int start, int end,
      LineIndex yaml, String service) {
    public String ref() {
      return kind + "/" + name;
    }
  }

  /**
   * A provenance link placed in both texts. {@code file} is null for a default chosen by ferry
   * (then composeStart/End are 0). Manifest lines are 1-based lines of {@link #manifest()}.
   */
  public record Span(int id, Provenance.Link link, String file, int composeStart, int composeEnd, int object,
      int manifestStart, int manifestEnd) {
    public boolean isDefault() {
      return file == null;
    }

    public boolean coversCompose(String f, int line) {
      return file != null && file.equals(f) && line >= composeStart && line <= composeEnd;
    }

    public boolean coversManifest(int line) {
      return line >= manifestStart && line <= manifestEnd;
    }
  }

  private final List<ComposeFile> files = new ArrayList<>();
  private final List<Obj> objects = new ArrayList<>();
  private final Map<String, Obj> objectsByKey = new HashMap<>();
  private final Map<Integer, List<Span>> spansByObject = new HashMap<>();
  private final List<Span> spans = new ArrayList<>();
  private final List<Provenance.Link> unplaced = new ArrayList<>();
  private final SourceMap sourceMap;
  private int[][] manifestOwners;
  private Map<String, ComposeCover> composeCovers;
  private final Map<String, ComposeFile> filesByName = new HashMap<>();

  private Alignment(SourceMap sourceMap) {
    this.sourceMap = sourceMap;
  }

  /** {@link #of(List, List, List, Provenance, SourceMap, Map)}, each object's text indexed by parsing it. */
  public static Alignment of(List<HasMetadata> objects, List<String> yaml, Provenance provenance, SourceMap sm,
      Map<String, String> fileTexts) {
    return of(objects, yaml, LineIndex.ofEach(yaml), provenance, sm, fileTexts);
  }

  /**
   * Aligns translated objects with their compose files ({@code fileTexts}: display name → text,
   * as the loader read them; positions name files the same way). {@code yaml} is each object's
   * manifest text and {@code indexes} its line index, in object order ({@code ManifestWriter.alignment}).
   */
  public static Alignment of(List<HasMetadata> objects, List<String> yaml, List<LineIndex> indexes, Provenance provenance,
      SourceMap sm, Map<String, String> fileTexts) {
    Alignment a = new Alignment(sm);
    for (Map.Entry<String, String> e : fileTexts.entrySet()) {
      ComposeFile f = new ComposeFile(e.getKey(), e.getValue(), LineIndex.of(e.getValue()));
      a.files.add(f);
      a.filesByName.putIfAbsent(f.name(), f);
    }
    a.render(objects, yaml, indexes, provenance);
    a.place(provenance);
    a.owners();
    return a;
  }

  private void render(List<HasMetadata> all, List<String> yaml, List<LineIndex> indexes, Provenance provenance) {
    int line = 0;
    Map<String, String> serviceOf = services(provenance);
    for (int k = 0; k < all.size(); k++) {
      HasMetadata o = all.get(k);
      line++;
      int sep = line;
      // the object's lines are its index's lines (an empty text is one empty line)
      int n = yaml.get(k).isEmpty() ? 1 : indexes.get(k).lineCount();
      int start = line + 1;
      line += n;
      String svc = serviceOf.get(o.getKind() + "/" + o.getMetadata().getName());
      if (svc == null) svc = serviceByLabel(o, serviceOf);
      Obj obj = new Obj(objects.size(), o, o.getKind(), o.getMetadata().getName(), sep, start, line, indexes.get(k), svc);
      objects.add(obj);
      objectsByKey.putIfAbsent(obj.kind() + "/" + obj.name(), obj);
    }
  }

  /** kind/name → compose service, from the first link of each object whose source is under services.X. */
  private static Map<String, String> services(Provenance p) {
    Map<String, String> out = new LinkedHashMap<>();
    // the object's own name link first (Service/db is db's, though result's DATABASE_URL gave it its port)
    for (boolean identity : new boolean[] {true, false}) {
      for (Provenance.Link l : p.links()) {
        ModelPath s = l.source();
        if (s == null || s.size() < 2 || !"services".equals(s.get(0))) continue;
        if (identity && !l.field().equals("metadata.name")) continue;
        out.putIfAbsent(l.kind() + "/" + l.name(), (String) s.get(1));
      }
    }
    return out;
  }

  /** An object with no service link (a claim): the service whose workload has its app name label. */
  private static String serviceByLabel(HasMetadata o, Map<String, String> serviceOf) {
    Map<String, String> labels = o.getMetadata().getLabels();
    String app = labels == null ? null : labels.get("app.kubernetes.io/name");
    if (app == null) return null;
    for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")) {
      String s = serviceOf.get(kind + "/" + app);
      if (s != null) return s;
    }
    return null;
  }

  private void place(Provenance p) {
    FieldAncestry ancestry = new FieldAncestry();
    for (Provenance.Link l : p.links()) {
      Obj o = object(l.kind(), l.name());
      if (o == null) {
        unplaced.add(l);
        continue;
      }
      int[] m = manifestRange(o, l.field(), ancestry);
      if (m == null) {
        unplaced.add(l);
        continue;
      }
      String file = null;
      int cs = 0;
      int ce = 0;
      if (l.source() != null) {
        Position pos = sourceMap.position(l.source());
        if (pos.isKnown()) {
          file = pos.file();
          cs = pos.line();
          ce = pos.line();
          ComposeFile f = file(pos.file());
          LineIndex.Entry e = f == null ? null : f.index().entryAt(pos.line(), pos.column());
          if (e != null && e.line() == pos.line()) ce = e.endLine();
        }
      }
      if (l.source() != null && file == null) {
        unplaced.add(l);
        continue;
      }
      spans.add(new Span(spans.size(), l, file, cs, ce, o.index(), m[0], m[1]));
    }
  }

  /** The manifest lines of {@code field} in object {@code o}: the field, else its nearest emitted ancestor. */
  private static int[] manifestRange(Obj o, String field, FieldAncestry ancestry) {
    if (field == null || field.isEmpty()) return new int[] {o.start(), o.end()};
    for (ModelPath p : ancestry.selfAndAncestors(field)) {
      LineIndex.Entry e = o.yaml().entry(0, p);
      if (e != null) return new int[] {o.start() + e.line() - 1, o.start() + e.endLine() - 1};
    }
    return null;
  }

  /** For every manifest line, the most specific spans covering it (header lines: the object's identity). */
  private void owners() {
    manifestOwners = new int[manifestLineCount() + 1][];
    for (Span s : spans) spansByObject.computeIfAbsent(s.object(), k -> new ArrayList<>()).add(s);
    for (Obj o : objects) {
      List<Span> mine = spansOf(o);
      int[] identity = mine.stream().filter(s -> s.link().field().isEmpty() || s.link().field().equals("metadata.name"))
          .mapToInt(Span::id).toArray();
      LineCover cover = manifestCover(o);
      int firstField = firstField(o);
      for (int line = o.separator(); line <= o.end(); line++) {
        int best = cover.smallestSize(line);
        boolean header = line == o.separator() || line < firstField;
        int[] own = cover.smallest(line);
        boolean wholeObject = best == o.end() - o.start();
        if (own.length == 0 || (header && wholeObject && identity.length > 0)) own = identity;
        manifestOwners[line] = own;
      }
    }
  }

  /** The spans of object {@code o} laid over its manifest lines (its {@code ---} line through its last). */
  public LineCover manifestCover(Obj o) {
    LineCover cover = new LineCover(o.separator(), o.end());
    for (Span s : spansOf(o)) cover.add(s.id(), s.manifestStart(), s.manifestEnd());
    return cover;
  }

  /** The spans placed in object {@code o}, in order. */
  public List<Span> spansIn(Obj o) {
    return Collections.unmodifiableList(spansOf(o));
  }

  private static final ModelPath METADATA = ModelPath.of("metadata");
  /** The first line of an object's metadata block (apiVersion and kind come before it). */
  private static int firstField(Obj o) {
    LineIndex.Entry e = o.yaml().entry(0, METADATA);
    return e == null ? o.start() : o.start() + e.line() - 1;
  }

  /** Where object {@code o} as a whole came from ({@link Origin}): the comment {@code convert --annotate} puts above it. */
  public Optional<Span> origin(Obj o) {
    List<Span> mine = spansOf(o);
    int i = Origin.pick(mine.stream().map(Span::link).toList());
    return i < 0 ? Optional.empty() : Optional.of(mine.get(i));
  }

  /** The spans placed in object {@code o}, in order. */
  private List<Span> spansOf(Obj o) {
    return spansByObject.getOrDefault(o.index(), List.of());
  }

  /** Span ids that own manifest line {@code line} (1-based); empty when none. */
  public int[] manifestOwners(int line) {
    return line >= 1 && line < manifestOwners.length && manifestOwners[line] != null ? manifestOwners[line] : new int[0];
  }

  /**
   * Span ids that own compose line {@code line} of {@code file}: the spans that start there, else
   * the most specific covering it; a key whose children are lines of their own ({@code ports:})
   * and comment lines own nothing of their parent's, so they do not claim the parent's fields.
   */
  public int[] composeOwners(String file, int line) {
    ComposeFile f = file(file);
    ComposeCover c = composeCover(file);
    if (f != null) {
      String text = f.index().line(line).strip();
      if (text.isEmpty() || text.startsWith("#")) return new int[0];
      LineIndex.Entry e = f.index().firstAt(line);
      if (!c.starts(line) && e != null && e.endLine() > e.line()) return new int[0];
    }
    return c.lines().smallest(line);
  }

  /** Span ids whose compose lines include line {@code line} of {@code file}, ascending. */
  public int[] composeCovering(String file, int line) {
    return composeCover(file).lines().covering(line);
  }

  /** The placed spans of one compose file by line, and the lines some span starts at. */
  private record ComposeCover(LineCover lines, BitSet startLines) {
    boolean starts(int line) {
      return line >= 0 && startLines.get(line);
    }
  }

  private ComposeCover composeCover(String file) {
    if (composeCovers == null) {
      Map<String, Integer> last = new HashMap<>();
      for (Span s : spans) if (s.file() != null) last.merge(s.file(), s.composeEnd(), Math::max);
      Map<String, ComposeCover> covers = new HashMap<>();
      for (Span s : spans) {
        if (s.file() == null) continue;
        ComposeCover c = covers.computeIfAbsent(s.file(), k -> new ComposeCover(new LineCover(1, last.get(k)), new BitSet()));
        c.lines().add(s.id(), s.composeStart(), s.composeEnd());
        if (s.composeStart() >= 0) c.startLines().set(s.composeStart());
      }
      composeCovers = covers;
    }
    return composeCovers.getOrDefault(file, EMPTY_COVER);
  }

  private static final ComposeCover EMPTY_COVER = new ComposeCover(new LineCover(1, 0), new BitSet());

  /** Manifest lines produced from compose line {@code line} of {@code file} (sorted, distinct). */
  public List<Integer> manifestLinesFor(String file, int line) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int id : composeOwners(file, line)) {
      Span s = spans.get(id);
      for (int m = s.manifestStart(); m <= s.manifestEnd(); m++) out.add(m);
    }
    return new ArrayList<>(out);
  }

  /** Compose lines ({@code file:line}) that manifest line {@code line} came from (sorted, distinct). */
  public List<Position> composeLinesFor(int line) {
    TreeSet<Position> out = new TreeSet<>();
    for (int id : manifestOwners(line)) {
      Span s = spans.get(id);
      if (s.isDefault()) continue;
      for (int c = s.composeStart(); c <= s.composeEnd(); c++) out.add(Position.of(s.file(), c, 1));
    }
    return new ArrayList<>(out);
  }

  /** The first compose line ({@code file:line}) that manifest line {@code line} came from, or null: {@link #composeLinesFor}'s first. */
  public Position firstComposeLineFor(int line) {
    Position first = null;
    for (int id : manifestOwners(line)) {
      Span s = spans.get(id);
      if (s.isDefault()) continue;
      Position p = Position.of(s.file(), s.composeStart(), 1);
      if (first == null || p.compareTo(first) < 0) first = p;
    }
    return first;
  }

  /** Whether every span owning manifest line {@code line} is a ferry default. */
  public boolean isDefaultLine(int line) {
    int[] ids = manifestOwners(line);
    if (ids.length == 0) return false;
    for (int id : ids) if (!spans.get(id).isDefault()) return false;
    return true;
  }

  public List<ComposeFile> files() {
    return Collections.unmodifiableList(files);
  }

  public ComposeFile file(String name) {
    return name == null ? null : filesByName.get(name);
  }

  public List<Obj> objects() {
    return Collections.unmodifiableList(objects);
  }

  public Obj object(String kind, String name) {
    return objectsByKey.get(kind + "/" + name);
  }

  /** The object that manifest line {@code line} belongs to, or null. */
  public Obj objectAt(int line) {
    // objects are laid out in order: binary search on their first (separator) line
    int lo = 0;
    int hi = objects.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Obj o = objects.get(mid);
      if (line < o.separator()) hi = mid - 1;
      else if (line > o.end()) lo = mid + 1;
      else return o;
    }
    return null;
  }

  public List<Span> spans() {
    return Collections.unmodifiableList(spans);
  }

  public Span span(int id) {
    return spans.get(id);
  }

  /** Links that name no emitted object or field (a test keeps this empty). */
  public List<Provenance.Link> unplaced() {
    return Collections.unmodifiableList(unplaced);
  }

  /** The manifest text, exactly as {@code ferry convert} prints it. */
  public String manifest() {
    StringBuilder b = new StringBuilder();
    for (Obj o : objects) b.append("---\n").append(o.yaml().text());
    return b.toString();
  }

  /** Manifest line {@code n} (1-based): read from its object's index (the manifest is not kept twice). */
  public String manifestLine(int n) {
    Obj o = objectAt(n);
    return o == null ? "" : n == o.separator() ? "---" : o.yaml().line(n - o.start() + 1);
  }

  public int manifestLineCount() {
    return objects.isEmpty() ? 0 : objects.get(objects.size() - 1).end();
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }
}
