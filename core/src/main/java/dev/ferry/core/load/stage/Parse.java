package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Stage 1: bytes to a positioned node tree, with every resource limit checked before anything can
 * blow up (size, encoding, nesting depth, alias expansion). Handles YAML merge keys ({@code <<}),
 * anchors/aliases, the compose tags {@code !reset}/{@code !override}, and reports duplicate keys.
 * Multiple documents in one file are returned in order (compose merges them).
 */
public final class Parse {
  /** Largest compose file accepted ({@link Limits#FILE_BYTES}). */
  public static final int MAX_BYTES = Limits.FILE_BYTES.intValue();
  /** Deepest nesting accepted ({@link Limits#NESTING_DEPTH}). */
  public static final int MAX_DEPTH = Limits.NESTING_DEPTH.intValue();
  /** Most nodes one file may expand to once aliases are followed ({@link Limits#NODES}). */
  public static final int MAX_NODES = Limits.NODES.intValue();

  private static final String CODE_SYNTAX = "yaml-syntax";

  /**
   * The YAML core schema, except that {@code <<} stays a plain string key: merge keys are resolved
   * by {@link #mapping} (which counts the nodes they copy and reports cycles at the {@code <<}),
   * not by snakeyaml-engine's composer, which loops forever on {@code x-a: &a {<<: *a}}.
   */
  private static final Schema NO_MERGE_SCHEMA = new Schema() {
    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver coreResolver = core.getScalarResolver(); // a new one on every call
    private final ScalarResolver resolver = (value, implicit) -> {
      if (Boolean.TRUE.equals(implicit) && ("<<".equals(value)
          || !value.isEmpty() && RESOLVED_FIRST.indexOf(value.charAt(0)) < 0)) {
        return Tag.STR;
      }
      return coreResolver.resolve(value, implicit);
    };

    @Override
    public ScalarResolver getScalarResolver() {
      return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
      return core.getSchemaTagConstructors();
    }
  };
  private static final String CODE_DUP = "duplicate-key";
  /**
   * The first characters for which snakeyaml-engine's core resolver has a pattern (booleans,
   * numbers, {@code ${...}}, {@code <<}), and those its patterns tried for every value can start
   * with (null: {@code ~}, {@code null}, a space); any other non-empty plain scalar resolves to a
   * string, answered without running its regular expressions (most scalars of a file).
   * ScalarResolverTest checks the answers against snakeyaml-engine's own.
   */
  static final String RESOLVED_FIRST = FirstChars.of() + "~ nN";

  /** Reads the first characters snakeyaml-engine's core resolver registers patterns for. */
  private static final class FirstChars extends org.snakeyaml.engine.v2.resolver.CoreScalarResolver {
    private FirstChars() {
      super(true);
    }

    static String of() {
      StringBuilder b = new StringBuilder();
      for (Character c : new FirstChars().yamlImplicitResolvers.keySet()) if (c != null) b.append(c.charValue());
      return b.toString();
    }
  }

  /** The scalar resolver parsing uses (for the test that it agrees with snakeyaml-engine's). */
  static ScalarResolver resolver() {
    return NO_MERGE_SCHEMA.getScalarResolver();
  }

  private final String file;
  private final Diagnostics diags;
  private int produced;
  /** Collections being converted, innermost last: nesting once aliases and merge keys are expanded. */
  private int expandedDepth;
  /** The innermost node found to expand past {@link #MAX_NODES}: where an alias bomb is reported. */
  private org.snakeyaml.engine.v2.nodes.Node bombAt;

  private Parse(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  /**
   * Parses {@code bytes} of {@code file} (its display name): its documents ([] for an empty file), or
   * null (with an error) when it could not be read.
   */
  public static List<Node> documents(String file, byte[] bytes, Diagnostics diags) {
    return new Parse(file, diags).run(bytes);
  }

  /**
   * Parses one compose file: the documents merged in order, and checks that the top level is a
   * mapping. Returns null (with an error) when there is no usable document.
   */
  public static MapNode composeFile(String file, byte[] bytes, Diagnostics diags) {
    List<Node> docs = documents(file, bytes, diags);
    if (docs == null) return null;
    MapNode result = null;
    for (Node d : docs) {
      if (d.isNull()) continue;
      if (!(d instanceof MapNode m)) {
        diags.error(CODE_SYNTAX, d.position(),
            "top-level of a compose file must be a mapping, got " + d.typeName());
        return null;
      }
      result = result == null ? m : Merge.mergeProjects(result, m);
    }
    if (result == null) {
      diags.error(CODE_SYNTAX, Position.of(file, 1, 1), "empty compose file");
    }
    return result;
  }

  /**
   * Reads a small YAML configuration file (such as {@code .ferry.yaml}) with positions and the same
   * {@link Limits} as a compose file. Returns its one document, or null when the file is empty or
   * cannot be read (then with an error in {@code diags}).
   */
  public static Node config(String file, byte[] bytes, Diagnostics diags) {
    List<Node> docs = documents(file, bytes, diags);
    if (docs == null) return null;
    List<Node> used = docs.stream().filter(d -> !d.isNull()).toList();
    if (used.size() > 1) diags.error(CODE_SYNTAX, used.get(1).position(), "expected one YAML document");
    return used.isEmpty() ? null : used.get(0);
  }

  /**
   * The reader buffer for {@code text}: all of it. snakeyaml-engine's reader copies its whole
   * window each time it reads another buffer, so with the default 1 KiB buffer one long scalar
   * costs time quadratic in its length (a 1 MiB value: about a gigabyte copied per parse); the
   * text is already in memory (at most {@link Limits#FILE_BYTES}), so it is read in one go.
   */
  public static int bufferSize(String text) {
    return Math.max(1024, text.length() + 1);
  }

  /** The decoded text when size, encoding and line length are within {@link Limits}; else null. */
  private String checkedText(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      diags.error(CODE_SYNTAX, Position.of(file, 1, 1),
          "file is " + bytes.length + " bytes, over the " + MAX_BYTES + "-byte limit " + Limits.FILE_BYTES.tag());
      return null;
    }
    String text = decode(bytes);
    if (text == null) return null;
    Position longLine = LongLines.first(file, text);
    if (longLine != null) {
      diags.error(CODE_SYNTAX, longLine, "line longer than " + Limits.LINE_CHARS.value() + " characters "
          + Limits.LINE_CHARS.tag());
      return null;
    }
    return text;
  }

  /** Runs a parse, turning every refusal into an error with its position; null then. */
  private <T> T guarded(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (TooDeep e) {
      diags.error(CODE_SYNTAX, e.pos, "nesting deeper than " + MAX_DEPTH + " levels"
          + (e.expanded ? " once aliases and merge keys are expanded " : " ") + Limits.NESTING_DEPTH.tag());
    } catch (TooLarge e) {
      diags.error(CODE_SYNTAX, e.pos, e.message);
    } catch (MarkedYamlEngineException e) {
      Position p = e.getProblemMark().or(e::getContextMark).map(this::pos).orElse(Position.of(file, 1, 1));
      String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && !e.getContext().isBlank()) msg = e.getContext() + ": " + msg;
      diags.error(CODE_SYNTAX, p, "invalid YAML: " + oneLine(msg));
    } catch (YamlEngineException e) {
      diags.error(CODE_SYNTAX, Position.of(file, 1, 1), "invalid YAML: " + oneLine(e.getMessage()));
    }
    return null;
  }

  private List<Node> run(byte[] bytes) {
    String text = checkedText(bytes);
    if (text == null) return null;
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(NO_MERGE_SCHEMA)
            .setAllowDuplicateKeys(true) // reported by us, with both positions
            .setMaxAliasesForCollections(Integer.MAX_VALUE) // expansion is bounded by MAX_NODES instead
            .setCodePointLimit(MAX_BYTES)
            .setAllowNonScalarKeys(true)
            .setBufferSize(bufferSize(text))
            .build();
    List<Node> out = guarded(() -> {
      List<Node> docs = new ArrayList<>();
      Parser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)));
      Composer composer = new Composer(settings, parser);
      while (composer.hasNext()) {
        org.snakeyaml.engine.v2.nodes.Node n = composer.next();
        if (produced + expandedSize(n, new IdentityHashMap<>(), new IdentityHashMap<>(), 0) > MAX_NODES) {
          produced = MAX_NODES;
          count(bombAt != null ? bombAt : n); // refused before any copy is made, at the innermost node over the limit
        }
        Node converted = convert(n, new IdentityHashMap<>());
        if (converted != null) docs.add(converted);
      }
      return docs;
    });
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
  }

  private String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      String s = dec.decode(in).toString();
      int nul = s.indexOf('\0');
      if (nul >= 0) {
        diags.error(CODE_SYNTAX, offsetPosition(s, nul), "file contains a NUL character (binary data?)");
        return null;
      }
      return s;
    } catch (CharacterCodingException e) {
      int bad = in.position();
      String prefix = new String(bytes, start, Math.max(0, bad - start), StandardCharsets.UTF_8);
      Position p = offsetPosition(prefix, prefix.length());
      diags.error(CODE_SYNTAX, p, "file is not valid UTF-8 (byte offset " + bad + ")");
      return null;
    }
  }

  private Position offsetPosition(String s, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index && i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i += Character.charCount(cp);
    }
    return Position.of(file, line, col);
  }

  private Position pos(Mark m) {
    return Position.fromZeroBased(file, m.getLine(), m.getColumn());
  }

  private Position pos(org.snakeyaml.engine.v2.nodes.Node n) {
    return n.getStartMark().map(this::pos).orElse(Position.of(file, 1, 1));
  }

  private void count(org.snakeyaml.engine.v2.nodes.Node n) {
    if (++produced > MAX_NODES) {
      throw new TooLarge(pos(n), "aliases expand to more than " + MAX_NODES + " nodes (a YAML alias bomb?) "
          + Limits.NODES.tag());
    }
  }

  /**
   * How many nodes {@code n} becomes once its aliases are expanded, computed on the shared graph
   * snakeyaml-engine builds (each distinct node once, so linear in the file) and saturating at
   * {@link #MAX_NODES}: an alias bomb is refused before a single copy is made. Recursive aliases
   * count once (convert reports them); nesting past {@link #MAX_DEPTH} is refused here too.
   */
  private long expandedSize(org.snakeyaml.engine.v2.nodes.Node n, IdentityHashMap<Object, Long> memo,
      IdentityHashMap<Object, Boolean> onPath, int depth) {
    // Only an anchored node can be reached twice (through an alias) or contain itself: the others
    // are visited once, so only anchored nodes are remembered.
    boolean shared = n.getAnchor().isPresent();
    if (shared) {
      Long known = memo.get(n);
      if (known != null) return known;
      if (onPath.containsKey(n)) return 1;
    }
    if (depth > MAX_DEPTH) throw new TooDeep(pos(n), true);
    long size = 1;
    if (shared) onPath.put(n, Boolean.TRUE);
    if (n instanceof SequenceNode seq) {
      for (org.snakeyaml.engine.v2.nodes.Node c : seq.getValue()) {
        size = Math.min(size + expandedSize(c, memo, onPath, depth + 1), MAX_NODES + 1L);
      }
    } else if (n instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        size = Math.min(size + expandedSize(t.getKeyNode(), memo, onPath, depth + 1)
            + expandedSize(t.getValueNode(), memo, onPath, depth + 1), MAX_NODES + 1L);
      }
    }
    if (shared) {
      onPath.remove(n);
      memo.put(n, size);
    }
    if (size > MAX_NODES && bombAt == null) bombAt = n;
    return size;
  }

  /**
   * Converts a snakeyaml node. {@code onPath} guards against recursive aliases (an anchor used
   * inside itself).
   */
  private Node convert(org.snakeyaml.engine.v2.nodes.Node n, IdentityHashMap<Object, Boolean> onPath) {
    count(n);
    String tag = composeTag(n.getTag());
    if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
      return scalar(s, tag);
    }
    boolean shared = n.getAnchor().isPresent(); // only an anchored node can contain itself
    if (shared && onPath.containsKey(n)) {
      diags.error(CODE_SYNTAX, pos(n), "recursive alias: a node cannot contain itself");
      return ScalarNode.ofNull(pos(n));
    }
    if (++expandedDepth > MAX_DEPTH) throw new TooDeep(pos(n), true);
    if (shared) onPath.put(n, Boolean.TRUE);
    try {
      if (n instanceof SequenceNode seq) {
        List<Node> items = new ArrayList<>(seq.getValue().size());
        for (org.snakeyaml.engine.v2.nodes.Node c : seq.getValue()) items.add(convert(c, onPath));
        return new SeqNode(items, pos(n), tag);
      }
      MappingNode map = (MappingNode) n;
      return mapping(map, tag, onPath);
    } finally {
      if (shared) onPath.remove(n);
      expandedDepth--;
    }
  }

  private ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, String tag) {
    Position p = pos(s);
    String v = s.getValue();
    if (Limits.SCALAR_CHARS.exceededBy(v.length())) {
      throw new TooLarge(p, "scalar of " + v.length() + " characters " + Limits.SCALAR_CHARS.tag());
    }
    Tag t = s.getTag();
    ScalarNode.Kind kind;
    if (t.equals(Tag.STR)) kind = ScalarNode.Kind.STRING;
    else if (t.equals(Tag.INT)) kind = intOrFloat(v);
    else if (t.equals(Tag.FLOAT)) kind = ScalarNode.Kind.FLOAT;
    else if (t.equals(Tag.BOOL)) kind = ScalarNode.Kind.BOOL;
    else if (t.equals(Tag.NULL)) kind = ScalarNode.Kind.NULL;
    else kind = s.isPlain() ? dev.ferry.core.tree.CoreSchema.kindOf(v) : ScalarNode.Kind.STRING;
    return new ScalarNode(v, kind, !s.isPlain(), p, tag);
  }

  private static ScalarNode.Kind intOrFloat(String v) {
    ScalarNode.Kind k = dev.ferry.core.tree.CoreSchema.kindOf(v);
    return k == ScalarNode.Kind.FLOAT ? k : ScalarNode.Kind.INT;
  }

  /** The compose tags we keep; standard tags are implied by the node kind. */
  private static String composeTag(Tag t) {
    String v = t.getValue();
    if (v.startsWith(Tag.PREFIX)) return null;
    return v;
  }

  private MapNode mapping(MappingNode map, String tag, IdentityHashMap<Object, Boolean> onPath) {
    LinkedHashMap<String, MapNode.Entry> own = new LinkedHashMap<>();
    List<MapNode> merged = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      org.snakeyaml.engine.v2.nodes.Node k = t.getKeyNode();
      org.snakeyaml.engine.v2.nodes.Node v = t.getValueNode();
      if (k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks
          && ks.isPlain() && "<<".equals(ks.getValue())) {
        mergeSources(ks, v, onPath, merged);
        continue;
      }
      if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks)) {
        diags.error(CODE_SYNTAX, pos(k), "mapping keys must be scalars, got a " + (k instanceof SequenceNode ? "sequence" : "mapping"));
        continue;
      }
      count(k);
      String key = ks.getValue();
      if (Limits.SCALAR_CHARS.exceededBy(key.length())) {
        throw new TooLarge(pos(k), "key of " + key.length() + " characters " + Limits.SCALAR_CHARS.tag());
      }
      Position kp = pos(k);
      MapNode.Entry prev = own.get(key);
      if (prev != null) {
        diags.error(CODE_DUP, kp, "duplicate key '" + key + "' (first defined at line "
            + prev.keyPosition().line() + ")");
        continue;
      }
      if (Limits.MAPPING_KEYS.exceededBy(own.size() + 1L)) {
        throw new TooLarge(kp, "mapping with more than " + Limits.MAPPING_KEYS.value() + " keys "
            + Limits.MAPPING_KEYS.tag());
      }
      own.put(key, new MapNode.Entry(key, kp, convert(v, onPath)));
    }
    if (merged.isEmpty()) {
      return MapNode.of(own.values(), pos(map)).withTag(tag);
    }
    // YAML merge keys: own keys win; among merged maps, earlier ones win.
    LinkedHashMap<String, MapNode.Entry> all = new LinkedHashMap<>();
    for (MapNode m : merged) {
      for (MapNode.Entry e : m.entries()) all.putIfAbsent(e.key(), e);
    }
    LinkedHashMap<String, MapNode.Entry> result = new LinkedHashMap<>();
    for (Map.Entry<String, MapNode.Entry> e : all.entrySet()) {
      if (!own.containsKey(e.getKey())) result.put(e.getKey(), e.getValue());
    }
    // Keep the file's own keys in source order after the merged-in ones.
    result.putAll(own);
    return MapNode.of(result.values(), pos(map)).withTag(tag);
  }

  private void mergeSources(org.snakeyaml.engine.v2.nodes.Node key, org.snakeyaml.engine.v2.nodes.Node v,
      IdentityHashMap<Object, Boolean> onPath, List<MapNode> out) {
    List<org.snakeyaml.engine.v2.nodes.Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
    for (org.snakeyaml.engine.v2.nodes.Node src : sources) {
      if (onPath.containsKey(src)) {
        String anchor = src.getAnchor().map(a -> " (anchor &" + a.getValue() + ")").orElse("");
        diags.error(CODE_SYNTAX, pos(key), "merge key '<<' includes a mapping that contains this one" + anchor
            + ": a merge cycle");
        return;
      }
    }
    Node c = convert(v, onPath);
    if (c instanceof MapNode m) {
      out.add(m);
    } else if (c instanceof SeqNode s) {
      for (Node item : s.items()) {
        if (item instanceof MapNode m) out.add(m);
        else diags.error(CODE_SYNTAX, item.position(), "merge key '<<' takes mappings, got " + item.typeName());
      }
    } else {
      diags.error(CODE_SYNTAX, c.position(), "merge key '<<' takes a mapping or a list of mappings, got " + c.typeName());
    }
  }

  private static final class TooDeep extends RuntimeException {
    final transient Position pos;
    final boolean expanded;

    TooDeep(Position pos, boolean expanded) {
      super(null, null, false, false);
      this.pos = pos;
      this.expanded = expanded;
    }
  }

  private static final class TooLarge extends RuntimeException {
    final transient Position pos;
    final String message;

    TooLarge(Position pos, String message) {
      super(null, null, false, false);
      this.pos = pos;
      this.message = message;
    }
  }

  /** Counts collection nesting on the event stream, so the Composer never recurses too deep. */
  private final class DepthLimitedParser implements Parser {
    private final Parser inner;
    private int depth;

    DepthLimitedParser(Parser inner) {
      this.inner = inner;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return inner.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return inner.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return inner.hasNext();
    }

    @Override
    public Event next() {
      Event e = inner.next();
      switch (e.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            Optional<Mark> m = e.getStartMark();
            throw new TooDeep(m.map(Parse.this::pos).orElse(Position.of(file, 1, 1)), false);
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
      return e;
    }
  }
}
