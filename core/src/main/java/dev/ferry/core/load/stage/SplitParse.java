package dev.ferry.core.load.stage;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The fast path of {@link Parse} on every core for a large file. Reading YAML is sequential, but a
 * compose file's bulk is the block mapping under its top-level {@code services:} key, whose keys
 * start lines at one indentation. That mapping is cut at such lines into pieces read in parallel
 * ({@link EventTree#piece}, each with the anchors defined before {@code services:}), the rest of
 * the file (the mapping's lines left blank, so every line keeps its number) is read as a skeleton,
 * and the pieces' entries, in order, become the skeleton's {@code services}.
 *
 * <p>It answers only when the result is the tree the whole file gives: a cut that fell inside a
 * quoted scalar, a flow collection or a block scalar leaves a piece that does not parse; an alias
 * that means something else in a piece than in the file, a key defined in two pieces, a merge key
 * or anything unusual at the services level, or a limit the whole might reach make it answer
 * null, and Parse reads the file whole as before (reporting as before).
 */
final class SplitParse {
  /** Files shorter than this are read whole: the gain would not pay for the threads. */
  static final int MIN_CHARS = 128 * 1024;
  /** The smallest piece worth a task of its own. */
  private static final int MIN_PIECE_CHARS = 32 * 1024;
  private static final String SERVICES = "services";
  /** The line breaks of YAML besides {@code \n}. */
  private static final char[] OTHER_BREAKS = {'\r', '\u0085', '\u2028', '\u2029'};
  private static final ScalarResolver RESOLVER = YamlSchema.NO_MERGE.getScalarResolver();

  private final String file;
  private final String text;
  /** Start offsets and 0-based first lines of the pieces; the last start is the end of the mapping. */
  private final List<Integer> starts = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private int servicesLine;
  /**
   * Whether the file's {@link Outline} is read beside it: then the anchors defined before
   * {@code services:} as the outline's pieces see them ({@link #seedBefore}), and each piece's walk.
   */
  private boolean outline;
  private Map<Anchor, Outline.Walk.Anchored> outlineSeed = Map.of();
  private Outline.Walk skeletonWalk;
  private Outline.Walk[] pieceWalks;

  private SplitParse(String file, String text, boolean outline) {
    this.file = file;
    this.text = text;
    this.outline = outline;
  }

  /** A file read in pieces: its documents, and its outline when asked for and read (else null). */
  record Read(List<Node> documents, Outline outline) {}

  /**
   * The documents of {@code text}, and its outline when {@code outline} asks for it (read from the
   * same events, on every core), or null when it is not split (Parse then reads it whole).
   */
  static Read read(String file, String text, boolean outline) {
    int pieces = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());
    return text.length() < MIN_CHARS ? null : read(file, text, pieces, MIN_PIECE_CHARS, outline);
  }

  /** {@link #read} with the number and size of pieces given (tests use small ones). */
  static Read read(String file, String text, int pieces, int minPieceChars, boolean outline) {
    SplitParse s = new SplitParse(file, text, outline);
    if (!s.layout(pieces, minPieceChars)) return null;
    List<Node> docs = s.join();
    return docs == null ? null : new Read(docs, s.outline ? Outline.spliced(s.skeletonWalk, List.of(s.pieceWalks), SERVICES, s.servicesLine + 1) : null);
  }

  /** The documents of {@link #read}, without an outline. */
  static List<Node> documents(String file, String text, int pieces, int minPieceChars) {
    Read r = read(file, text, pieces, minPieceChars, false);
    return r == null ? null : r.documents();
  }

  // ---- where to cut ---------------------------------------------------------------------------

  /** Finds {@code services:} and the cuts; false when the text is not of the shape this reads. */
  private boolean layout(int pieces, int minPieceChars) {
    for (char c : OTHER_BREAKS) if (text.indexOf(c) >= 0) return false; // line numbers would count them
    int line = 0;
    int at = 0;
    boolean first = true;
    while (at < text.length()) { // the lines up to a top-level services:
      int end = lineEnd(at);
      int ind = indent(at, end);
      if (!blankOrComment(at + ind, end)) {
        // The root must be a block mapping: its first line a plain key at the margin.
        if (first && (ind != 0 || !keyLine(at, end, 0))) return false;
        first = false;
        if (ind == 0 && isServicesLine(at, end)) break;
      }
      line++;
      at = end + 1;
    }
    if (at >= text.length()) return false;
    servicesLine = line;
    at = lineEnd(at) + 1;
    line++;
    int regionStart = at;
    int k = -1;
    List<int[]> cuts = new ArrayList<>(); // offset, line
    while (at < text.length()) {
      int end = lineEnd(at);
      int ind = indent(at, end);
      if (!blankOrComment(at + ind, end)) {
        if (ind == 0) break;
        char c = text.charAt(at + ind);
        if (k < 0) {
          if (!keyLine(at, end, ind)) return false;
          k = ind;
        } else if (ind < k) {
          return false;
        } else if (ind == k) {
          if (c == '<' || c == '?') return false; // a merge key or an explicit key among the services
          if (keyLine(at, end, k)) cuts.add(new int[] {at, line});
        }
      }
      line++;
      at = Math.min(end + 1, text.length());
    }
    int regionEnd = at;
    if (k < 0 || explicitKey(regionStart, regionEnd)) return false;
    long target = Math.max(minPieceChars, (regionEnd - regionStart) / Math.max(1, pieces));
    starts.add(regionStart);
    lines.add(servicesLine + 1);
    for (int[] cut : cuts) {
      if (cut[0] - starts.get(starts.size() - 1) >= target && regionEnd - cut[0] >= target / 2) {
        starts.add(cut[0]);
        lines.add(cut[1]);
      }
    }
    starts.add(regionEnd);
    return starts.size() > 2;
  }

  /**
   * Whether the services' lines may hold an explicit key ({@code ?} then a space or a line break):
   * the empty value of an explicit key without one takes the position of the token after it, which
   * at the end of a piece is the piece's end, not the next service's key (the whole file's). Read
   * whole then; a {@code ?} followed by a space inside a scalar costs only the split.
   */
  private boolean explicitKey(int from, int to) {
    for (int i = text.indexOf('?', from); i >= 0 && i < to; i = text.indexOf('?', i + 1)) {
      char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
      if (next == ' ' || next == '\t' || next == '\n') return true;
    }
    return false;
  }

  private int lineEnd(int at) {
    int end = text.indexOf('\n', at);
    return end < 0 ? text.length() : end;
  }

  private int indent(int at, int end) {
    int i = at;
    while (i < end && text.charAt(i) == ' ') i++;
    return i - at;
  }

  /** Whether the rest of a line from {@code i} is blank or a comment. */
  private boolean blankOrComment(int i, int end) {
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == '#') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  /** A line of {@code ind} spaces, a plain key of letters, digits, {@code _.-}, a colon and a space or the end. */
  private boolean keyLine(int at, int end, int ind) {
    int i = at + ind;
    if (i >= end || !Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '_') return false;
    while (i < end && isKeyChar(text.charAt(i))) i++;
    return i < end && text.charAt(i) == ':' && (i + 1 == end || text.charAt(i + 1) == ' ');
  }

  private static boolean isKeyChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
  }

  /** {@code services:} alone on its line, or with a comment. */
  private boolean isServicesLine(int at, int end) {
    return text.startsWith(SERVICES + ":", at) && blankOrComment(at + SERVICES.length() + 1, end)
        && (at + SERVICES.length() + 1 == end || text.charAt(at + SERVICES.length() + 1) != '#');
  }

  // ---- reading and joining ---------------------------------------------------------------------

  private List<Node> join() {
    int regionStart = starts.get(0);
    int regionEnd = starts.get(starts.size() - 1);
    int blankLines = 0;
    for (int i = regionStart; i < regionEnd; i++) if (text.charAt(i) == '\n') blankLines++;
    String skeleton = text.substring(0, regionStart) + "\n".repeat(blankLines) + text.substring(regionEnd);
    // The anchors the pieces need are those defined before services:, known from that part of the
    // file alone, so the pieces are read beside the skeleton instead of after it; should the
    // skeleton hold other anchors at services: (it cannot, as the text up to there is the same),
    // the pieces are read again with those.
    Map<Anchor, EventTree.Built> early = seedBefore(regionStart);
    List<EventTree.Piece> pieces = null;
    EventTree.Piece sk;
    if (outline) {
      skeletonWalk = new Outline.Walk(0, Map.of());
      pieceWalks = new Outline.Walk[starts.size() - 1];
      for (int i = 0; i < pieceWalks.length; i++) pieceWalks[i] = new Outline.Walk(lines.get(i), outlineSeed);
    }
    if (early != null) {
      List<EventTree.Piece> all = OnEveryCore.map(starts.size(),
          i -> i == 0 ? skeleton(skeleton, skeletonWalk) : piece(i - 1, early, outline ? pieceWalks[i - 1] : null));
      sk = all.get(0);
      pieces = all.subList(1, all.size());
    } else {
      outline = false; // the pieces are read with the skeleton's anchors, below
      sk = skeleton(skeleton, null);
    }
    if (sk == null || !(sk.doc().node() instanceof MapNode root) || sk.anchorsAtWatch() == null) return null;
    MapNode.Entry services = root.entry(SERVICES);
    if (services == null || services.keyPosition().line() != servicesLine + 1 || services.keyPosition().column() != 1
        || !(services.value() instanceof ScalarNode v) || !v.isNull()) {
      return null;
    }
    if (pieces == null || !early.equals(sk.anchorsAtWatch())) {
      outline = false; // read again, without the outline: the rare case gets the second reading explain would make
      Map<Anchor, EventTree.Built> seed = Collections.unmodifiableMap(sk.anchorsAtWatch());
      pieces = IntStream.range(0, starts.size() - 1).parallel().mapToObj(i -> piece(i, seed, null)).toList();
    }
    return joined(root, services, sk, pieces);
  }

  /**
   * The anchors defined before {@code services:}, read from the text up to its line alone (none when
   * it has no {@code &}); null when that text does not read by itself.
   */
  private Map<Anchor, EventTree.Built> seedBefore(int regionStart) {
    if (text.lastIndexOf('&', regionStart - 1) < 0) return Map.of();
    Outline.Walk walk = outline ? new Outline.Walk(0, Map.of()) : null;
    EventTree.Piece head = skeleton(text.substring(0, regionStart), walk);
    if (walk != null) {
      Outline o = walk.outline();
      if (o != null && o.documents().size() == 1) outlineSeed = walk.anchors();
      else outline = false;
    }
    return head == null || head.anchorsAtWatch() == null ? null : Collections.unmodifiableMap(head.anchorsAtWatch());
  }

  /** The file with the services' lines left blank, read watching for the top-level {@code services} key; null when it does not read. */
  private EventTree.Piece skeleton(String skeleton, Outline.Walk walk) {
    YamlPositions whole = new YamlPositions(file);
    try {
      return EventTree.piece(Parse.parser(skeleton, whole, walk), whole, RESOLVER, Map.of(), SERVICES);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private EventTree.Piece piece(int i, Map<Anchor, EventTree.Built> seed, Outline.Walk walk) {
    String part = text.substring(starts.get(i), starts.get(i + 1));
    YamlPositions positions = new YamlPositions(file, lines.get(i));
    try {
      return EventTree.piece(Parse.parser(part, positions, walk), positions, RESOLVER, seed, null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<Node> joined(MapNode root, MapNode.Entry services, EventTree.Piece sk, List<EventTree.Piece> pieces) {
    long size = sk.doc().size();
    int height = 0;
    Set<Anchor> defined = new HashSet<>();
    Set<String> keys = new HashSet<>();
    List<MapNode.Entry> entries = new ArrayList<>();
    for (EventTree.Piece p : pieces) {
      if (p == null || !(p.doc().node() instanceof MapNode m) || m.tag() != null) return null;
      // An alias to an anchor defined before services: that an earlier piece defined again.
      if (!Collections.disjoint(p.usedFromSeed(), defined)) return null;
      defined.addAll(p.defined());
      size += p.doc().size();
      height = Math.max(height, p.doc().height() + 1);
      for (MapNode.Entry e : m.entries()) {
        if (!keys.add(e.key())) return null; // a duplicate key: reported the careful way
        entries.add(e);
      }
    }
    if (!Collections.disjoint(sk.aliasedAfterWatch(), defined)) return null;
    // The same conservative bounds as a whole read (EventTree.run), and the width of the mapping.
    if (size > Parse.MAX_NODES || Math.max(height, sk.doc().height()) >= Parse.MAX_DEPTH
        || Limits.MAPPING_KEYS.exceededBy(entries.size())) {
      return null;
    }
    MapNode all = MapNode.of(entries, pieces.get(0).doc().node().position());
    return List.of(root.with(SERVICES, services.keyPosition(), all));
  }
}
