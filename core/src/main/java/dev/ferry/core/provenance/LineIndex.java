package dev.ferry.core.provenance;

import dev.ferry.core.load.stage.Outline;
import dev.ferry.core.load.stage.Outline.Raw;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML text's lines by path: for every mapping entry and sequence item, the 1-based line range
 * it spans (key or item line through its last line). Built from snakeyaml-engine's node marks; a
 * node ends where the next node that is not its descendant starts, less trailing blank and
 * comment-only lines, so the range is exact whatever the scalar style.
 *
 * <p>Paths are {@link ModelPath}s: {@code spec.template.spec.containers[0].ports[0]} in a
 * manifest, {@code services.web.ports[0]} in a compose file (as written, before canonicalisation).
 * Multi-document texts index every document; {@link #documents()} gives each one's root range.
 */
public final class LineIndex {
  /** One indexed node: its path, first and last line (1-based), and start column (1-based). */
  public record Entry(ModelPath path, int document, int line, int column, int endLine) {
    public boolean contains(int l) {
      return l >= line && l <= endLine;
    }

    public int size() {
      return endLine - line + 1;
    }
  }

  /** The text, and where each of its lines starts (a line per line break, plus the last): no string per line is kept. */
  private final String text;
  private final int[] starts;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Map<ModelPath, Entry>> byPath = new ArrayList<>();
  private final List<int[]> documents = new ArrayList<>();
  /** Entries by their first line, in entry order; built on first use (an object's index rarely needs it). */
  private Map<Integer, List<Entry>> byLine;
  /** {@link #firstAt}'s table, built on first use. */
  private int[] firstByLine;

  private LineIndex(String text) {
    this.text = text;
    this.starts = starts(text);
  }

  /**
   * Indexes {@code text}; a text that is not valid YAML gives an index with no entries (or only its
   * documents before the one that is not). Read from the parser's events ({@link Outline}: no node
   * graph: for the 10,000-service benchmark's file a third less allocated and half the time).
   */
  public static LineIndex of(String text) {
    return of(text, Outline.of(text));
  }

  /**
   * The index of {@code text} from its {@link Outline} (the loader's, recorded as it read the file,
   * or {@link Outline#of} of it): the same index {@link #of(String)} gives.
   */
  public static LineIndex of(String text, Outline outline) {
    LineIndex ix = new LineIndex(text);
    int doc = 0;
    for (Outline.Document d : outline.documents()) {
      ix.close(doc++, d.entries().raws(), d.start(), d.end() < 0 ? ix.starts.length : d.end());
    }
    return ix;
  }

  /** The index through snakeyaml-engine's node graph: the reference {@link #of} agrees with. */
  static LineIndex composed(String text) {
    LineIndex ix = new LineIndex(text);
    try {
      Compose c = new Compose(Outline.settings(text));
      int doc = 0;
      for (Node root : c.composeAllFromString(text)) {
        List<Raw> raw = new ArrayList<>();
        walk(root, ModelPath.ROOT, raw);
        int docEnd = root.getEndMark().map(LineIndex::endLine).orElse(ix.starts.length);
        ix.close(doc, raw, raw.isEmpty() ? start(root)[0] : raw.get(0).line, docEnd);
        doc++;
      }
    } catch (RuntimeException e) {
      // not YAML: nothing to index (explain only indexes texts that loaded or that ferry wrote)
    }
    return ix;
  }

  /** The 1-based last line of a node that ends at {@code m} (a mark at column 0 is the line after it). */
  private static int endLine(Mark m) {
    return m.getColumn() == 0 ? m.getLine() : m.getLine() + 1;
  }

  /** {@link #of} of each text, on every core, in order (each text is indexed on its own). */
  public static List<LineIndex> ofEach(List<String> texts) {
    return IntStream.range(0, texts.size()).parallel().mapToObj(k -> of(texts.get(k))).toList();
  }

  /**
   * The index of a one-document block YAML text, recorded by its writer as it lays the text out
   * (no second parse): {@link #open} each mapping entry and sequence item where its key or item
   * starts, in text order, and {@link #close} it after its last descendant. {@link #build} gives
   * the same index {@link #of} gives for the text, for a text that ends with a line break (the
   * document then ends on its last line, as snakeyaml marks it).
   */
  public static final class Builder {
    private final List<Raw> raw = new ArrayList<>();

    /** Opens the entry at {@code path} that starts at {@code line}:{@code column} (1-based); its handle for {@link #close}. */
    public int open(ModelPath path, int line, int column) {
      raw.add(new Raw(path, line, column));
      return raw.size() - 1;
    }

    /** Closes the entry {@code handle}: every entry opened since is one of its descendants. */
    public void close(int handle) {
      raw.get(handle).descendants = raw.size() - handle - 1;
    }

    /** Entries opened so far. */
    public int size() {
      return raw.size();
    }

    /** Takes back the entries opened after the first {@code n} (a member the writer took back, with what it held). */
    public void truncate(int n) {
      raw.subList(n, raw.size()).clear();
    }

    /** The index of {@code text}, the text the entries were recorded in. */
    public LineIndex build(String text) {
      LineIndex ix = new LineIndex(text);
      int lineBreaks = ix.starts.length - 1;
      ix.close(0, raw, raw.isEmpty() ? 1 : raw.get(0).line, lineBreaks);
      return ix;
    }
  }

  private static int[] start(Node n) {
    return n.getStartMark().map(m -> new int[] {m.getLine() + 1, m.getColumn() + 1}).orElse(new int[] {1, 1});
  }

  private static void walk(Node n, ModelPath path, List<Raw> out) {
    if (out.size() > Parse.MAX_NODES) throw new IllegalStateException("more than " + Parse.MAX_NODES + " nodes");
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(out.size());
        ModelPath p = path.key(key);
        int[] at = start(t.getKeyNode());
        Raw r = new Raw(p, at[0], at[1]);
        int before = out.size();
        out.add(r);
        walk(t.getValueNode(), p, out);
        r.descendants = out.size() - before - 1;
      }
    } else if (n instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        ModelPath p = path.index(i);
        int[] at = start(items.get(i));
        Raw r = new Raw(p, at[0], at[1]);
        int before = out.size();
        out.add(r);
        walk(items.get(i), p, out);
        r.descendants = out.size() - before - 1;
      }
    }
  }

  private void close(int doc, List<Raw> raw, int docStart, int lastLine) {
    int docEnd = Math.min(Math.max(lastLine, 1), starts.length);
    documents.add(new int[] {docStart, trim(docStart, docEnd)});
    Map<ModelPath, Entry> map = new HashMap<>(raw.size() * 4 / 3 + 1);
    for (int i = 0; i < raw.size(); i++) {
      Raw r = raw.get(i);
      int next = i + r.descendants + 1;
      int end = next < raw.size() ? raw.get(next).line - 1 : docEnd;
      end = trim(r.line, Math.max(r.line, end));
      Entry e = new Entry(r.path, doc, r.line, r.column, end);
      entries.add(e);
      map.putIfAbsent(r.path, e);
    }
    byPath.add(map);
  }

  /** Moves {@code end} up past blank, comment-only and document-marker lines (never above {@code start}). */
  private int trim(int start, int end) {
    int e = end;
    while (e > start && skipped(e)) e--;
    return e;
  }

  /** Whether line {@code n} is blank, comment-only or a document marker (read in the text: no copy of the line). */
  private boolean skipped(int n) {
    if (n < 1 || n > starts.length) return true; // past the end: ""
    int i = starts[n - 1];
    int j = end(n);
    while (i < j && Character.isWhitespace(text.charAt(i))) i++;
    if (i == j || text.charAt(i) == '#') return true;
    while (j > i && Character.isWhitespace(text.charAt(j - 1))) j--;
    return j - i == 3 && (text.startsWith("---", i) || text.startsWith("...", i));
  }

  /** Where each line of {@code text} starts: 0, then the offset after each line break. */
  static int[] starts(String text) {
    int breaks = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
    int[] at = new int[breaks + 1];
    int k = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) at[k++] = i + 1;
    return at;
  }

  /** The end (exclusive, before its line break) of line {@code n}, 1-based and in range. */
  private int end(int n) {
    return end(text, starts, n);
  }

  private static int end(String text, int[] starts, int n) {
    return n < starts.length ? starts[n] - 1 : text.length();
  }

  /** Line {@code n} (1-based) of the text, without its line break; "" past the end. */
  public String line(int n) {
    return line(text, starts, n);
  }

  /** Line {@code n} of {@code text}, whose lines start at {@code starts} ({@link #starts}); "" past the end. */
  static String line(String text, int[] starts, int n) {
    return n >= 1 && n <= starts.length ? text.substring(starts[n - 1], end(text, starts, n)) : "";
  }

  /** The number of lines of {@code text}, whose lines start at {@code starts} (a text ending in a line break has no extra line). */
  static int lineCount(String text, int[] starts) {
    int n = starts.length;
    return n > 0 && starts[n - 1] == text.length() ? n - 1 : n;
  }

  /** The indexed text. */
  public String text() {
    return text;
  }

  /** The offset of each line's start in {@link #text()} (a copy is not made: read only). */
  int[] lineStarts() {
    return starts;
  }

  /** Number of lines (a text ending in a line break has no extra line). */
  public int lineCount() {
    return lineCount(text, starts);
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** The entry at {@code path} in document {@code doc}. */
  public Optional<Entry> find(int doc, ModelPath path) {
    return Optional.ofNullable(entry(doc, path));
  }

  /** As {@link #find(int, ModelPath)}, null when there is none: no Optional per lookup where lookups are many. */
  public Entry entry(int doc, ModelPath path) {
    return doc < byPath.size() ? byPath.get(doc).get(path) : null;
  }

  /** The entry at {@code path} in the first document. */
  public Optional<Entry> find(ModelPath path) {
    return find(0, path);
  }

  /**
   * The entry that starts at {@code line}:{@code column}: exact when one does, else the first on
   * that line at or after the column, else the first on that line.
   */
  public Optional<Entry> at(int line, int column) {
    return Optional.ofNullable(entryAt(line, column));
  }

  /** As {@link #at}, null when no entry starts on that line. */
  public Entry entryAt(int line, int column) {
    Entry first = null;
    Entry after = null;
    for (Entry e : startingAt(line)) {
      if (e.column() == column) return e;
      if (first == null) first = e;
      if (after == null && e.column() >= column) after = e;
    }
    return after != null ? after : first;
  }

  /** The first entry that starts at {@code line}, in entry order, or null. */
  public Entry firstAt(int line) {
    int[] first = firstByLine;
    if (first == null) {
      // 1 + the index of the first entry starting at each line (0: none); an array, not a map of boxed lines
      first = new int[starts.length + 1];
      for (int i = entries.size() - 1; i >= 0; i--) {
        int l = entries.get(i).line();
        if (l >= 0 && l < first.length) first[l] = i + 1;
      }
      firstByLine = first;
    }
    return line >= 0 && line < first.length && first[line] > 0 ? entries.get(first[line] - 1) : null;
  }

  /** The entries that start at {@code line}, in entry order (an index lookup, not a scan of every entry). */
  private List<Entry> startingAt(int line) {
    if (byLine == null) {
      Map<Integer, List<Entry>> m = new HashMap<>();
      for (Entry e : entries) m.computeIfAbsent(e.line(), k -> new ArrayList<>(1)).add(e);
      byLine = m;
    }
    return byLine.getOrDefault(line, List.of());
  }

  /** [first line, last line] of each document's content. */
  public List<int[]> documents() {
    return Collections.unmodifiableList(documents);
  }
}
