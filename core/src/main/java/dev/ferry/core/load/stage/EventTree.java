package dev.ferry.core.load.stage;

import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The fast path of {@link Parse}: ferry's tree built straight from the parser's events, without
 * snakeyaml-engine's node graph (which a large file would otherwise hold whole, beside the tree,
 * until its last document is converted). It gives the same tree as the Composer and
 * {@link TreeBuilder} for a well-formed file: aliases share the anchored subtree (the tree is
 * immutable, so a shared subtree equals the copy TreeBuilder makes), merge keys are applied by
 * {@link TreeBuilder#merge}. On anything that TreeBuilder or the Composer would report or refuse
 * (a syntax error, a duplicate or non-scalar key, an undefined or recursive alias, a merge key
 * naming something that is not a mapping, a limit that might be reached) it gives up, reporting
 * nothing, and Parse reads the file again the careful way, which reports exactly as before.
 */
final class EventTree {
  /** Parse must take the careful path. Carries no stack trace: it is control flow. */
  static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  /** A finished node with what the limits need: its size once aliases are expanded, and its height. */
  record Built(Node node, long size, int height) {}

  /**
   * One document read as a piece of a larger file ({@link SplitParse}): the document, the anchors
   * defined when the watched top-level key was read (the seed of the pieces that follow it), and
   * what joining the pieces must check, since an alias may only mean in a piece what it means in
   * the whole file.
   */
  record Piece(Built doc, Map<Anchor, Built> anchorsAtWatch, Set<Anchor> defined, Set<Anchor> usedFromSeed,
      Set<Anchor> aliasedAfterWatch) {}

  /** An anchored collection still being built: an alias to it would be recursive. */
  private static final Built OPEN = new Built(null, 0, 0);

  /** A collection being built. */
  private static final class Frame {
    final boolean mapping;
    final Position position;
    final String tag;
    final Anchor anchor;
    final List<Node> items;
    final List<MapNode.Entry> own;
    Set<String> keys;
    List<MapNode> merged;
    String key;
    Position keyPosition;
    boolean keyPending;
    boolean mergeKey;
    long size = 1;
    int height;

    Frame(boolean mapping, Position position, String tag, Anchor anchor) {
      this.mapping = mapping;
      this.position = position;
      this.tag = tag;
      this.anchor = anchor;
      this.items = mapping ? null : new ArrayList<>();
      this.own = mapping ? new ArrayList<>() : null;
    }
  }

  private final Parser parser;
  private final YamlPositions positions;
  private final ScalarResolver resolver;
  private final Map<Anchor, Built> anchors = new HashMap<>();
  /** Anchors this text defines, and aliases it resolves to the seed anchors: see {@link Piece}. */
  private final Set<Anchor> defined = new HashSet<>();
  private final Set<Anchor> usedFromSeed = new HashSet<>();
  /** The top-level key after which anchors are snapshot and aliases recorded (a piece's skeleton); or null. */
  private String watchKey;
  private Map<Anchor, Built> anchorsAtWatch;
  private final Set<Anchor> aliasedAfterWatch = new HashSet<>();
  private final ArrayList<Frame> stack = new ArrayList<>();
  /**
   * One copy of each key and short scalar text: a large file repeats them (every service's
   * {@code image}, {@code ports}, {@code 8080}...), and the tree keeps them for the whole run.
   */
  private final Map<String, String> texts = new HashMap<>();
  /**
   * The first node of each short untagged plain scalar text: a later one with the same text has the
   * same resolved tag and kind (a pure function of the text), so it is made from this one without
   * running the resolver's and the core schema's patterns again ({@code ${LOG_LEVEL:-info}},
   * {@code 3}, {@code true} in every service).
   */
  private final Map<String, ScalarNode> plainSeen = new HashMap<>();
  private long produced;

  private EventTree(Parser parser, YamlPositions positions, ScalarResolver resolver) {
    this.parser = parser;
    this.positions = positions;
    this.resolver = resolver;
  }

  /** The documents of the stream, or {@link GiveUp} thrown (nothing reported) for the careful path. */
  static List<Node> documents(Parser parser, YamlPositions positions, ScalarResolver resolver) {
    try {
      return new EventTree(parser, positions, resolver).run();
    } catch (GiveUp e) {
      throw e;
    } catch (RuntimeException e) { // a syntax error or a refusal: the careful path reports it
      throw new GiveUp();
    }
  }

  /**
   * The one document of a piece of a file, its aliases resolved against {@code seed} (anchors
   * defined before the piece) and, when {@code watchKey} is not null, the anchors defined when that
   * key of the top-level mapping was read. No limit is checked here: {@link SplitParse} checks them
   * on the whole. {@link GiveUp} on anything else, as for {@link #documents}.
   */
  static Piece piece(Parser parser, YamlPositions positions, ScalarResolver resolver, Map<Anchor, Built> seed,
      String watchKey) {
    try {
      EventTree t = new EventTree(parser, positions, resolver);
      t.anchors.putAll(seed);
      t.watchKey = watchKey;
      t.expect(Event.ID.StreamStart);
      t.expect(Event.ID.DocumentStart);
      Built doc = t.document();
      t.expect(Event.ID.DocumentEnd);
      t.expect(Event.ID.StreamEnd);
      return new Piece(doc, t.anchorsAtWatch, t.defined, t.usedFromSeed, t.aliasedAfterWatch);
    } catch (GiveUp e) {
      throw e;
    } catch (RuntimeException e) {
      throw new GiveUp();
    }
  }

  private List<Node> run() {
    List<Node> docs = new ArrayList<>();
    expect(Event.ID.StreamStart);
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      expect(Event.ID.DocumentStart);
      Built doc = document();
      expect(Event.ID.DocumentEnd);
      anchors.clear();
      produced = Math.min(produced + doc.size(), Parse.MAX_NODES + 1L);
      // Conservative bounds: TreeBuilder refuses at a node deeper than MAX_DEPTH (a collection at
      // MAX_DEPTH); the budget counts every node, keys included.
      if (produced > Parse.MAX_NODES || doc.height() >= Parse.MAX_DEPTH) throw new GiveUp();
      docs.add(doc.node());
    }
    return docs;
  }

  private void expect(Event.ID id) {
    if (parser.next().getEventId() != id) throw new GiveUp();
  }

  /** One document's root, built without recursion. */
  private Built document() {
    while (true) {
      Event e = parser.next();
      Built done;
      switch (e.getEventId()) {
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) e;
          Frame top = top();
          if (top != null && top.mapping && !top.keyPending) {
            key(top, s);
            continue;
          }
          done = scalar(s);
        }
        case Alias -> {
          Frame top = top();
          if (top != null && top.mapping && !top.keyPending) throw new GiveUp(); // an alias as a key
          Anchor a = ((AliasEvent) e).getAlias();
          done = anchors.get(a);
          if (done == null || done == OPEN) throw new GiveUp(); // undefined or recursive
          if (!defined.contains(a)) usedFromSeed.add(a);
          if (anchorsAtWatch != null) aliasedAfterWatch.add(a);
        }
        case MappingStart, SequenceStart -> {
          Frame top = top();
          if (top != null && top.mapping && !top.keyPending) throw new GiveUp(); // a non-scalar key
          CollectionStartEvent c = (CollectionStartEvent) e;
          boolean mapping = e.getEventId() == Event.ID.MappingStart;
          Tag t = explicit(c.getTag()).map(Tag::new).orElse(mapping ? Tag.MAP : Tag.SEQ);
          Anchor a = c.getAnchor().orElse(null);
          if (a != null) define(a, OPEN);
          stack.add(new Frame(mapping, position(e), TreeBuilder.composeTag(t), a));
          continue;
        }
        case MappingEnd, SequenceEnd -> done = close(stack.remove(stack.size() - 1));
        default -> throw new GiveUp();
      }
      Frame parent = top();
      if (parent == null) return done;
      add(parent, done);
    }
  }

  private Frame top() {
    return stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  private Position position(Event e) {
    Optional<Mark> m = e.getStartMark();
    return m.isPresent() ? positions.of(m.get()) : positions.start();
  }

  private static Optional<String> explicit(Optional<String> tag) {
    return tag.filter(t -> !t.equals("!"));
  }

  /** Texts up to this length are shared ({@link #texts}); longer ones are rarely repeated. */
  private static final int SHARED_CHARS = 24;

  private String shared(String t) {
    if (t.length() > SHARED_CHARS) return t;
    String known = texts.putIfAbsent(t, t);
    return known == null ? t : known;
  }

  private Built scalar(ScalarEvent s) {
    Optional<String> given = explicit(s.getTag());
    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
    boolean implicit = s.getImplicit().canOmitTagInPlainScalar();
    boolean cached = given.isEmpty() && plain && implicit && s.getValue().length() <= SHARED_CHARS;
    ScalarNode seen = cached ? plainSeen.get(s.getValue()) : null;
    ScalarNode n;
    if (seen != null) {
      n = new ScalarNode(seen.text(), seen.kind(), seen.quoted(), position(s), seen.tag());
    } else {
      String v = shared(s.getValue());
      if (Limits.SCALAR_CHARS.exceededBy(v.length())) throw new GiveUp();
      Tag t = given.isEmpty() ? resolver.resolve(v, implicit) : new Tag(given.get());
      n = TreeBuilder.scalar(v, t, plain, position(s), TreeBuilder.composeTag(t));
      if (cached) plainSeen.put(v, n);
    }
    Built b = new Built(n, 1, 0);
    s.getAnchor().ifPresent(a -> define(a, b));
    return b;
  }

  private void define(Anchor a, Built b) {
    anchors.put(a, b);
    defined.add(a);
  }

  /** A key of mapping {@code m}: remembered until its value is built. */
  private void key(Frame m, ScalarEvent s) {
    if (s.getAnchor().isPresent() || explicit(s.getTag()).isPresent()) throw new GiveUp();
    String k = shared(s.getValue());
    m.size++;
    m.keyPending = true;
    m.mergeKey = s.getScalarStyle() == ScalarStyle.PLAIN && "<<".equals(k);
    if (m.mergeKey) return;
    if (Limits.SCALAR_CHARS.exceededBy(k.length()) || Limits.MAPPING_KEYS.exceededBy(m.own.size() + 1L)) {
      throw new GiveUp();
    }
    if (duplicate(m, k)) throw new GiveUp();
    m.key = k;
    m.keyPosition = position(s);
    if (k.equals(watchKey) && stack.size() == 1 && anchorsAtWatch == null) anchorsAtWatch = new HashMap<>(anchors);
  }

  private static boolean duplicate(Frame m, String k) {
    if (m.keys != null) return !m.keys.add(k);
    for (int i = 0, n = m.own.size(); i < n; i++) if (m.own.get(i).key().equals(k)) return true;
    if (m.own.size() >= 8) {
      m.keys = new HashSet<>();
      for (MapNode.Entry e : m.own) m.keys.add(e.key());
      m.keys.add(k);
    }
    return false;
  }

  private static void add(Frame parent, Built child) {
    parent.size = Math.min(parent.size + child.size(), Parse.MAX_NODES + 1L);
    parent.height = Math.max(parent.height, child.height() + 1);
    if (!parent.mapping) {
      parent.items.add(child.node());
      return;
    }
    parent.keyPending = false;
    if (parent.mergeKey) {
      merged(parent, child.node());
    } else {
      parent.own.add(new MapNode.Entry(parent.key, parent.keyPosition, child.node()));
    }
  }

  /** The value of a merge key: a mapping or a list of mappings (anything else is reported the careful way). */
  private static void merged(Frame m, Node v) {
    if (m.merged == null) m.merged = new ArrayList<>();
    if (v instanceof MapNode map) {
      m.merged.add(map);
    } else if (v instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (!(item instanceof MapNode map)) throw new GiveUp();
        m.merged.add(map);
      }
    } else {
      throw new GiveUp();
    }
  }

  private Built close(Frame f) {
    if (f.mapping && f.keyPending) throw new GiveUp();
    Node n = f.mapping
        ? TreeBuilder.merge(f.own, f.merged == null ? List.of() : f.merged, f.position, f.tag)
        : new SeqNode(f.items, f.position, f.tag);
    Built b = new Built(n, f.size, f.height);
    // Still open: no node inside redefined the anchor (the Composer keeps the latest definition).
    if (f.anchor != null && anchors.get(f.anchor) == OPEN) anchors.put(f.anchor, b);
    return b;
  }
}
