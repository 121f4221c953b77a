package dev.ferry.core.provenance;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.load.stage.Outline;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
      ObjectText yaml, String service, String ref) {
    /** {@code ref} is {@code kind/name}, made once (explain looks objects up by it hundreds of thousands of times). */
    public Obj(int index, HasMetadata object, String kind, String name, int separator, int start, int end, ObjectText yaml,
        String service) {
      this(index, object, kind, name, separator, start, end, yaml, service, kind + "/" + name);
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
  /** kind → name → the first object of that kind and name (no key string built per lookup). */
  private final Map<String, Map<String, Obj>> objectsByKey = new HashMap<>();
  /** The spans of each object (by object index), in span order. */
  private List<List<Span>> spansByObject = List.of();
  private final List<Span> spans = new ArrayList<>();
  private final List<Provenance.Link> unplaced = new ArrayList<>();
  private int[][] manifestOwners;
  private Map<String, ComposeCover> composeCovers;
  private final Map<String, ComposeFile> filesByName = new HashMap<>();

  /** Objects whose manifest lines are given owners per task, on every core. */
  private static final int OBJECTS_PER_TASK = 256;

  private Alignment() {}

  /** {@link #of(List, List, List, Provenance, SourceMap, Map)}, each object's text indexed by parsing it. */
  public static Alignment of(List<HasMetadata> objects, List<String> yaml, Provenance provenance, SourceMap sm,
      Map<String, String> fileTexts) {
    return of(objects, yaml, LineIndex.ofEach(yaml), provenance, sm, fileTexts);
  }

  /**
   * Aligns translated objects with their compose files ({@code fileTexts}: display name → text,
   * as the loader read them; positions name files the same way). {@code yaml} is each object's
   * manifest text and {@code indexes} its line index, in object order ({@code ManifestWriter.alignment}).
   * Links are placed and manifest lines given their owners on every core, in order (the same spans,
   * ids and owners).
   */
  public static Alignment of(List<HasMetadata> objects, List<String> yaml, List<LineIndex> indexes, Provenance provenance,
      SourceMap sm, Map<String, String> fileTexts) {
    return ofTexts(objects, () -> {
      List<ObjectText> texts = new ArrayList<>(yaml.size());
      for (int k = 0; k < yaml.size(); k++) texts.add(new ObjectText(yaml.get(k), indexes.get(k)));
      return texts;
    }, provenance, sm, fileTexts, ComposeIndexer.READ);
  }

  /** How the compose files are indexed: each (display name, text) to its line index. */
  @FunctionalInterface
  public interface ComposeIndexer {
    /** Each file read again for its index. */
    ComposeIndexer READ = (name, text) -> LineIndex.of(text);

    LineIndex index(String name, String text);

    /**
     * Each file from the outline the loader read beside its own parse of it
     * ({@link dev.ferry.core.load.LoadResult#outlines}), a file without one read again.
     */
    static ComposeIndexer fromOutlines(Map<String, Outline> outlines) {
      return (name, text) -> {
        Outline o = outlines.get(name);
        return o != null ? LineIndex.of(text, o) : LineIndex.of(text);
      };
    }
  }

  /**
   * As {@link #of(List, List, List, Provenance, SourceMap, Map)}, with each object's text and index
   * made into an {@link ObjectText} by {@code texts} (for {@code explain}: written and made
   * {@link ObjectText#compacted compact} on every core, so each writer's index dies young instead
   * of being kept until every link is placed). The compose files are indexed by {@code indexer}
   * on another core while {@code texts} runs: from the loader's outlines
   * ({@link ComposeIndexer#fromOutlines}), else by reading each file again (at 10,000 services a
   * second or so of one core).
   */
  public static Alignment ofTexts(List<HasMetadata> objects, Supplier<List<ObjectText>> texts, Provenance provenance,
      SourceMap sm, Map<String, String> fileTexts, ComposeIndexer indexer) {
    Alignment a = new Alignment();
    List<Map.Entry<String, String>> files = List.copyOf(fileTexts.entrySet());
    List<CompletableFuture<LineIndex>> fileIndexes = new ArrayList<>(files.size());
    for (Map.Entry<String, String> e : files) {
      fileIndexes.add(CompletableFuture.supplyAsync(() -> composeIndex(indexer.index(e.getKey(), e.getValue()))));
    }
    a.render(objects, texts.get(), provenance);
    for (int i = 0; i < files.size(); i++) {
      ComposeFile f = new ComposeFile(files.get(i).getKey(), files.get(i).getValue(), OnEveryCore.join(fileIndexes.get(i)));
      a.files.add(f);
      a.filesByName.putIfAbsent(f.name(), f);
    }
    a.place(provenance, sm);
    a.owners();
    return a;
  }

  /** A compose file's index with its by-line table built here (placing reads it from every core). */
  private static LineIndex composeIndex(LineIndex ix) {
    ix.entryAt(1, 1);
    return ix;
  }

  private void render(List<HasMetadata> all, List<ObjectText> texts, Provenance provenance) {
    int line = 0;
    ObjectServices serviceOf = ObjectServices.of(provenance);
    for (int k = 0; k < all.size(); k++) {
      HasMetadata o = all.get(k);
      line++;
      int sep = line;
      ObjectText text = texts.get(k);
      // the object's lines are its index's lines (an empty text is one empty line)
      int n = text.text().isEmpty() ? 1 : text.lineCount();
      int start = line + 1;
      line += n;
      String svc = serviceOf.of(o);
      Obj obj = new Obj(objects.size(), o, o.getKind(), o.getMetadata().getName(), sep, start, line, text, svc);
      objects.add(obj);
      objectsByKey.computeIfAbsent(obj.kind(), x -> new HashMap<>()).putIfAbsent(obj.name(), obj);
    }
  }

  /** Places every link ({@link LinkPlacement}, on every core), then numbers the spans in link order. */
  private void place(Provenance p, SourceMap sourceMap) {
    List<Provenance.Link> links = p.links();
    LinkPlacement.Placement[] placed = LinkPlacement.of(links, this, sourceMap);
    for (int k = 0; k < placed.length; k++) {
      LinkPlacement.Placement m = placed[k];
      if (m == null) unplaced.add(links.get(k));
      else spans.add(new Span(spans.size(), links.get(k), m.file(), m.composeStart(), m.composeEnd(), m.object(),
          m.manifestStart(), m.manifestEnd()));
    }
  }

  /**
   * For every manifest line, the most specific spans covering it (header lines: the object's
   * identity); objects on every core, each made compact ({@link ObjectText}) once its owners are known.
   */
  private void owners() {
    manifestOwners = new int[manifestLineCount() + 1][];
    List<List<Span>> by = new ArrayList<>(objects.size());
    for (int i = 0; i < objects.size(); i++) by.add(null);
    for (Span s : spans) {
      List<Span> l = by.get(s.object());
      if (l == null) by.set(s.object(), l = new ArrayList<>());
      l.add(s);
    }
    spansByObject = by;
    int tasks = (objects.size() + OBJECTS_PER_TASK - 1) / OBJECTS_PER_TASK;
    OnEveryCore.map(tasks, t -> {
      for (int i = t * OBJECTS_PER_TASK; i < Math.min(objects.size(), (t + 1) * OBJECTS_PER_TASK); i++) {
        owners(objects.get(i));
        objects.get(i).yaml().compact(); // (when not made compact already) the last lookup by path in it: kept compact from here on
      }
      return Boolean.TRUE;
    });
  }

  /** The owners of object {@code o}'s lines (its own slots of the table: objects do not share lines). */
  private void owners(Obj o) {
    List<Span> mine = spansOf(o);
    int identityCount = 0;
    for (Span s : mine) if (isIdentity(s)) identityCount++;
    int[] identity = new int[identityCount];
    int k = 0;
    for (Span s : mine) if (isIdentity(s)) identity[k++] = s.id();
    LineCover cover = manifestCover(o);
    int firstField = firstField(o);
    for (int line = o.separator(); line <= o.end(); line++) {
      int best = cover.smallestSize(line);
      boolean header = line == o.separator() || line < firstField;
      int[] own = cover.smallest(line);
      boolean wholeObject = best == o.end() - o.start();
      if (own.length == 0 || (header && wholeObject && identity.length > 0)) own = identity;
      // a run of lines with the same owners shares one array (the table is read only): a million small arrays were 50 MB
      int[] before = line > o.separator() ? manifestOwners[line - 1] : null;
      manifestOwners[line] = before != null && Arrays.equals(before, own) ? before : own;
    }
  }

  private static boolean isIdentity(Span s) {
    return s.link().field().isEmpty() || s.link().field().equals("metadata.name");
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
    int[] e = o.yaml().lines(METADATA);
    return e == null ? o.start() : o.start() + e[0] - 1;
  }

  /** Where object {@code o} as a whole came from ({@link Origin}): the comment {@code convert --annotate} puts above it. */
  public Optional<Span> origin(Obj o) {
    List<Span> mine = spansOf(o);
    int i = Origin.pick(mine.stream().map(Span::link).toList());
    return i < 0 ? Optional.empty() : Optional.of(mine.get(i));
  }

  /** The spans placed in object {@code o}, in order. */
  private List<Span> spansOf(Obj o) {
    List<Span> l = o.index() < spansByObject.size() ? spansByObject.get(o.index()) : null;
    return l == null ? List.of() : l;
  }

  /** Span ids that own manifest line {@code line} (1-based); empty when none. Shared between lines: read it, do not change it. */
  public int[] manifestOwners(int line) {
    return line >= 1 && line < manifestOwners.length && manifestOwners[line] != null ? manifestOwners[line] : NO_OWNERS;
  }

  private static final int[] NO_OWNERS = new int[0];

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
    Map<String, Obj> names = objectsByKey.get(kind);
    return names == null ? null : names.get(name);
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
}
