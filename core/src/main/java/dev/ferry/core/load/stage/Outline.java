package dev.ferry.core.load.stage;

import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML text's outline, as written: for each document, every mapping entry and sequence item in
 * text order, with its path (keys as written, merge keys {@code <<} included), the line and column
 * where its key or item starts, and how many entries its subtree holds. An alias is walked again
 * from its anchor's entries, as snakeyaml-engine's Composer would walk the anchored node again.
 * What {@code LineIndex} (explain's line tables) is built from.
 *
 * <p>Read from the parser's events without recursion ({@link Walk}), either by a parse of its own
 * ({@link #of}) or beside the loader's ({@link Parse#composeFile(String, byte[], String,
 * dev.ferry.core.diag.Diagnostics, java.util.function.Consumer)}): there the events of the one
 * reading the loader makes anyway, on every core when it splits the file ({@link SplitParse}),
 * instead of reading a 5 MB file a second time for explain (about a second of one core at 10,000
 * services).
 */
public final class Outline {
  /** One entry with its path: its path, where it starts (1-based), and how many entries follow it inside its subtree. */
  public static final class Raw {
    public final ModelPath path;
    public final int line;
    public final int column;
    public int descendants;

    public Raw(ModelPath path, int line, int column) {
      this.path = path;
      this.line = line;
      this.column = column;
    }
  }

  /**
   * A document's entries in text order, as parallel arrays: each entry's key (null for a sequence
   * item) or item index, its parent entry (-1: a top-level entry), the line and column it starts
   * at, and how many entries follow it inside its subtree. No path object per entry: the outline
   * is kept from the loader's parse until explain indexes the file, and paths are made then
   * ({@link #raws}).
   */
  public static final class Entries {
    private String[] keys = new String[64];
    private int[] items = new int[64];
    private int[] parents = new int[64];
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private int[] descendants = new int[64];
    private int size;

    public int size() {
      return size;
    }

    private int add(String key, int item, int parent, int line, int column) {
      if (size == keys.length) grow(size * 2);
      keys[size] = key;
      items[size] = item;
      parents[size] = parent;
      lines[size] = line;
      columns[size] = column;
      return size++;
    }

    private void grow(int n) {
      keys = Arrays.copyOf(keys, n);
      items = Arrays.copyOf(items, n);
      parents = Arrays.copyOf(parents, n);
      lines = Arrays.copyOf(lines, n);
      columns = Arrays.copyOf(columns, n);
      descendants = Arrays.copyOf(descendants, n);
    }

    /** Entries {@code [from, to)} of {@code e} appended, a parent inside them moved with them and one outside ({@code < from}) made {@code outside}. */
    private void append(Entries e, int from, int to, int outside) {
      int base = size;
      if (size + (to - from) > keys.length) grow(Math.max(keys.length * 2, size + (to - from)));
      for (int j = from; j < to; j++) {
        int p = e.parents[j];
        add(e.keys[j], e.items[j], p < from ? outside : base + (p - from), e.lines[j], e.columns[j]);
        descendants[size - 1] = e.descendants[j];
      }
    }

    /** The entries with their paths (a top-level entry's parent is the document root). */
    public List<Raw> raws() {
      ModelPath[] paths = new ModelPath[size];
      List<Raw> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        ModelPath under = parents[i] < 0 ? ModelPath.ROOT : paths[parents[i]];
        paths[i] = keys[i] != null ? under.key(keys[i]) : under.index(items[i]);
        Raw r = new Raw(paths[i], lines[i], columns[i]);
        r.descendants = descendants[i];
        out.add(r);
      }
      return out;
    }
  }

  /**
   * One document: its entries in text order, the line its content starts on (its first entry's,
   * else its root's), and its last line as the parser marks the root's end (-1: no mark).
   */
  public record Document(Entries entries, int start, int end) {}

  private final List<Document> documents;

  private Outline(List<Document> documents) {
    this.documents = Collections.unmodifiableList(documents);
  }

  public List<Document> documents() {
    return documents;
  }

  /**
   * The outline of {@code text} from a parse of its own: every document up to the first that is not
   * YAML or not what the Composer composes (an undefined or recursive alias, a collection as a
   * key, more entries than the loader's node bound), which ends it as a syntax error does.
   */
  public static Outline of(String text) {
    LoadSettings s = settings(text);
    Parser parser = new ParserImpl(s, new StreamReader(s, text));
    Walk w = new Walk(0, Map.of());
    try {
      while (parser.hasNext() && !w.failed) w.accept(parser.next());
    } catch (RuntimeException e) {
      // not YAML: the documents before this one
    }
    return new Outline(new ArrayList<>(w.docs));
  }

  /**
   * The loader's bounds, not snakeyaml-engine's defaults: those refuse more than 50 aliases of a
   * collection (a merge key in each of 51 services) and texts over 3 MiB, and the file, loaded,
   * would have had no outline.
   */
  public static LoadSettings settings(String text) {
    return LoadSettings.builder().setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(Integer.MAX_VALUE)
        .setCodePointLimit(Parse.MAX_BYTES)
        .setBufferSize(Parse.bufferSize(text)).build();
  }

  /**
   * The outline of a file read in pieces ({@link SplitParse}): the skeleton's one document (the
   * file with the services' lines left blank) with the pieces' entries, in order, as the entries
   * of its top-level key {@code key} at line {@code keyLine} (1-based). Null when any walk did not
   * read one whole document or the key is not there.
   */
  static Outline spliced(Walk skeleton, List<Walk> pieces, String key, int keyLine) {
    Outline sk = skeleton.outline();
    if (sk == null || sk.documents.size() != 1) return null;
    Document doc = sk.documents.get(0);
    Entries top = doc.entries();
    int s = -1;
    for (int i = 0; i < top.size; i = i + top.descendants[i] + 1) {
      if (top.lines[i] == keyLine && key.equals(top.keys[i])) {
        s = i;
        break;
      }
    }
    if (s < 0 || top.descendants[s] != 0) return null;
    List<Entries> parts = new ArrayList<>(pieces.size());
    int inside = 0;
    // The file ends where the skeleton does, except when its last line is a service's and has no
    // line break: the skeleton has that line's break only, and ends a line earlier than the piece.
    int end = doc.end();
    for (Walk w : pieces) {
      Outline o = w.outline();
      if (o == null || o.documents.size() != 1) return null;
      parts.add(o.documents.get(0).entries());
      inside += o.documents.get(0).entries().size;
      end = Math.max(end, o.documents.get(0).end());
    }
    Entries all = new Entries();
    all.grow(top.size + inside);
    all.append(top, 0, s + 1, -1);
    all.descendants[s] = inside;
    for (Entries p : parts) all.append(p, 0, p.size, s);
    // the skeleton's entries after services: top-level ones (parent -1) and theirs, moved past the pieces
    all.append(top, s + 1, top.size, -1);
    return new Outline(List.of(new Document(all, doc.start(), end)));
  }

  /**
   * The walk over one text's events, fed one event at a time ({@link #accept}): in a parse of its
   * own or beside another reader of the same events. A text that is a piece of a file has its
   * lines {@code lineOffset} below the piece's and may use the anchors ({@code seed}) that the
   * file defines before it; its top-level entries are the piece's (its root's parent is the file's
   * {@code services}, {@link #spliced}). Whatever the walk cannot read ends it ({@link #outline}
   * then gives the documents before).
   */
  static final class Walk {
    /** An anchored node: its text when a scalar, where it starts, and its entries (parents relative to it, -1: its own). */
    record Anchored(String scalar, int line, int column, Entries entries) {}

    /** An anchored collection still open: an alias to it would be recursive. */
    private static final Anchored OPEN = new Anchored(null, 0, 0, new Entries());

    private enum State { STREAM, BETWEEN, ROOT, AFTER_ROOT, ENDED }

    private static final class Frame {
      final boolean mapping;
      /** The entry whose value this collection is (-1: the document root). */
      final int owner;
      final Anchor anchor;
      final int rawStart;
      final int line;
      final int column;
      int items;
      /** A mapping's key entry waiting for its value (-1: none). */
      int pending = -1;

      Frame(boolean mapping, int owner, Anchor anchor, int rawStart, int line, int column) {
        this.mapping = mapping;
        this.owner = owner;
        this.anchor = anchor;
        this.rawStart = rawStart;
        this.line = line;
        this.column = column;
      }
    }

    private final int lineOffset;
    private final Map<Anchor, Anchored> seed;
    private final List<Document> docs = new ArrayList<>();
    private final ArrayList<Frame> stack = new ArrayList<>();
    private final Map<Anchor, Anchored> anchors = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private State state = State.STREAM;
    private boolean failed;
    private Entries raw;
    private int rootStart;
    private int rootEnd;

    Walk(int lineOffset, Map<Anchor, Anchored> seed) {
      this.lineOffset = lineOffset;
      this.seed = seed;
    }

    /** The next event of the text; after a failure, nothing. */
    void accept(Event e) {
      if (failed) return;
      try {
        step(e);
      } catch (RuntimeException x) {
        failed = true;
      }
    }

    /**
     * The outline of the whole text read so far: null unless every event was read and the text's
     * documents all ended (its stream end need not have been read).
     */
    Outline outline() {
      return failed || (state != State.BETWEEN && state != State.ENDED) ? null : new Outline(docs);
    }

    /** The anchors of the last document, where it ended (for the pieces read after it). */
    Map<Anchor, Anchored> anchors() {
      return Collections.unmodifiableMap(anchors);
    }

    private void step(Event e) {
      Event.ID id = e.getEventId();
      switch (state) {
        case STREAM -> {
          expect(e, Event.ID.StreamStart);
          state = State.BETWEEN;
        }
        case BETWEEN -> {
          if (id == Event.ID.StreamEnd) {
            state = State.ENDED;
          } else {
            expect(e, Event.ID.DocumentStart);
            raw = new Entries();
            anchors.clear();
            anchors.putAll(seed);
            state = State.ROOT;
          }
        }
        case ROOT -> {
          if (node(e)) state = State.AFTER_ROOT;
        }
        case AFTER_ROOT -> {
          expect(e, Event.ID.DocumentEnd);
          docs.add(new Document(raw, raw.size == 0 ? rootStart : raw.lines[0], rootEnd));
          state = State.BETWEEN;
        }
        case ENDED -> throw new IllegalStateException("an event after the stream's end");
      }
    }

    private static void expect(Event e, Event.ID id) {
      if (e.getEventId() != id) throw new IllegalStateException("unexpected " + e);
    }

    /** The 1-based line an event starts on, in the file (no Optional or boxed line per event: there are hundreds of thousands). */
    private int line(Event e) {
      Mark m = e.getStartMark().orElse(null);
      return (m == null ? 1 : m.getLine() + 1) + lineOffset;
    }

    private static int column(Event e) {
      Mark m = e.getStartMark().orElse(null);
      return m == null ? 1 : m.getColumn() + 1;
    }

    /**
     * One instance of each key text: the outline is kept from the loader's parse until explain
     * indexes the file, and most keys ({@code image}, {@code environment}...) repeat in every service.
     */
    private String shared(String key) {
      String k = keys.putIfAbsent(key, key);
      return k == null ? key : k;
    }

    /** One event inside a document; true when it completed the document's root. */
    private boolean node(Event e) {
      Event.ID id = e.getEventId();
      Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
      if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        Frame f = stack.remove(stack.size() - 1);
        if (f.mapping && f.pending >= 0) throw new IllegalStateException("a key without a value");
        if (f.anchor != null && anchors.get(f.anchor) == OPEN) anchors.put(f.anchor, template(f));
        return done(f.owner, e);
      }
      if (id != Event.ID.Scalar && id != Event.ID.Alias && id != Event.ID.MappingStart && id != Event.ID.SequenceStart) {
        throw new IllegalStateException("unexpected " + e);
      }
      if (top != null && top.mapping && top.pending < 0) { // a key
        String key;
        int line;
        int column;
        if (e instanceof ScalarEvent s) {
          key = shared(s.getValue());
          line = line(e);
          column = column(e);
          anchor(s);
        } else if (e instanceof AliasEvent a) {
          Anchored to = resolved(a);
          if (to.scalar() == null) throw new IllegalStateException("a collection as a key");
          key = to.scalar();
          line = to.line();
          column = to.column();
        } else {
          throw new IllegalStateException("a collection as a key");
        }
        top.pending = add(key, 0, top.owner, line, column);
        return false;
      }
      // a value: the document's root, a mapping's value or a sequence's item
      Anchored alias = e instanceof AliasEvent a ? resolved(a) : null;
      int owner;
      if (top == null) {
        owner = -1;
        rootStart = line(e);
      } else if (top.mapping) {
        owner = top.pending;
      } else {
        owner = add(null, top.items++, top.owner, alias != null ? alias.line() : line(e), alias != null ? alias.column() : column(e));
      }
      if (e instanceof ScalarEvent s) {
        anchor(s);
        return done(owner, e);
      }
      if (alias != null) {
        // entry by entry, the walk stops where the loader's node bound would (an alias of aliases expands)
        int n = alias.entries().size;
        if (n > 0 && raw.size + n - 1 > Parse.MAX_NODES) throw new IllegalStateException("more than " + Parse.MAX_NODES + " nodes");
        raw.append(alias.entries(), 0, n, owner);
        return done(owner, e);
      }
      CollectionStartEvent c = (CollectionStartEvent) e;
      Anchor a = c.getAnchor().orElse(null);
      if (a != null) anchors.put(a, OPEN);
      stack.add(new Frame(id == Event.ID.MappingStart, owner, a, raw.size, line(e), column(e)));
      return false;
    }

    /** Records a scalar's anchor, if it has one: its text and where it starts (no entries of its own). */
    private void anchor(ScalarEvent s) {
      s.getAnchor().ifPresent(a -> anchors.put(a, new Anchored(s.getValue(), line(s), column(s), OPEN.entries())));
    }

    /** The anchored node of an alias; an undefined or recursive one ends the walk here, as the Composer refuses it. */
    private Anchored resolved(AliasEvent a) {
      Anchored to = anchors.get(a.getAlias());
      if (to == null || to == OPEN) throw new IllegalStateException("alias *" + a.getAlias());
      return to;
    }

    /** A value is complete: its entry closes; true when it was the document's root (its end recorded). */
    private boolean done(int owner, Event end) {
      if (stack.isEmpty()) {
        Mark m = end.getEndMark().orElse(null);
        rootEnd = m == null ? -1 : endLine(m) + lineOffset;
        return true;
      }
      if (owner >= 0) raw.descendants[owner] = raw.size - owner - 1;
      Frame top = stack.get(stack.size() - 1);
      if (top.mapping) top.pending = -1;
      return false;
    }

    /** The 1-based last line of a node that ends at {@code m} (a mark at column 0 is the line after it). */
    private static int endLine(Mark m) {
      return m.getColumn() == 0 ? m.getLine() : m.getLine() + 1;
    }

    private int add(String key, int item, int parent, int line, int column) {
      if (raw.size > Parse.MAX_NODES) throw new IllegalStateException("more than " + Parse.MAX_NODES + " nodes");
      return raw.add(key, item, parent, line, column);
    }

    /** The entries of a closed anchored collection, their parents relative to it (-1: the collection itself). */
    private Anchored template(Frame f) {
      Entries t = new Entries();
      t.append(raw, f.rawStart, raw.size, -1);
      return new Anchored(null, f.line, f.column, t);
    }
  }
}
