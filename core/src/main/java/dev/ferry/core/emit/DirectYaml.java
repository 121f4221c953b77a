package dev.ferry.core.emit;

import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;
import java.util.Arrays;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * An object straight to the block YAML that {@link BlockYaml} writes of its pruned Jackson tree
 * ({@link ManifestWriter#tree}), in the one serializer pass, without the tree: this generator
 * receives the serializer's tokens and writes each entry as it comes. Pruning happens on the way:
 * a null member is not written, and a mapping or sequence member that ends empty is taken back
 * (the text is cut to where the member began), except an empty mapping under one of
 * {@link #MEANINGFUL_EMPTY}'s keys, written {@code {}}; items of a sequence are never dropped.
 * What {@link BlockYaml} does not cover, and numbers other than integers, throw
 * {@link BlockYaml.Unsupported}: the caller then takes the tree path, so the bytes never differ.
 * {@link #indexed} also records the text's {@link LineIndex} as {@link BlockYaml#indexed} does (an
 * entry taken back with its member is taken out of the index too).
 */
final class DirectYaml extends TextGenerator {
  /**
   * Empty mappings that mean something: an {@code emptyDir: {}} volume source (without it the
   * volume has no source), and empty label selectors (they select everything).
   */
  static final Set<String> MEANINGFUL_EMPTY = Set.of("emptyDir", "podSelector", "namespaceSelector");

  /**
   * Each thread's writer, reused from object to object with its text buffer and write contexts
   * (a new buffer for every object grew and copied each document two or three times); one whose
   * buffer grew past {@link #MAX_KEPT} is let go.
   */
  private static final ThreadLocal<DirectYaml> WRITER = ThreadLocal.withInitial(() -> new DirectYaml(new StringBuilder(8192)));
  private static final int MAX_KEPT = 1 << 20;

  private final StringBuilder b;
  /** Open collections, outermost first: up to {@link #depth}. */
  private int depth;
  private boolean[] mapping = new boolean[16];
  /** The indent of the collection's lines. */
  private int[] indent = new int[16];
  /** Its first entry follows a sequence's "- " on the same line. */
  private boolean[] inline = new boolean[16];
  /** Entries written so far (kept ones). */
  private int[] written = new int[16];
  /** Where the text goes back to when the collection ends empty. */
  private int[] mark = new int[16];
  /** The key the collection is the value of (null in a sequence or at the root). */
  private String[] key = new String[16];
  /** The key of the member whose value comes next (in a mapping). */
  private String pending;

  /** Records each entry's path and position while writing ({@link #indexed}); null when not asked for. */
  private LineIndex.Builder index;
  /** Per open collection: its path, the index entry of the member or item it is (-1: the root), and the entries before it. */
  private ModelPath[] path = new ModelPath[16];
  private int[] entry = new int[16];
  private int[] entriesBefore = new int[16];
  /** The path of the entry {@link #begin} opened last. */
  private ModelPath begun;
  /** Where the entries start (when indexing). */
  private final LineTracker lines = new LineTracker();

  private DirectYaml(StringBuilder b) {
    super(b);
    this.b = b;
  }

  /** The YAML text of {@code value} (ending with a line break), or null when the tree path must write it. */
  static String write(Object value) {
    DirectYaml g = WRITER.get();
    StringBuilder b = g.b;
    g.reset();
    try {
      Yaml.mapper().writeValue(g, value);
      if (b.length() == 0) return null;
      if (b.charAt(b.length() - 1) != '\n') b.append('\n');
      return b.toString();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BlockYaml.Unsupported) return null;
      }
      throw e;
    } finally {
      if (b.capacity() > MAX_KEPT) WRITER.remove();
    }
  }

  /**
   * The YAML text of {@code value} with its line index, recorded while writing (the index
   * {@link BlockYaml#indexed} records for the pruned tree), or null when the tree path must write it.
   */
  static BlockYaml.Indexed indexed(Object value) {
    DirectYaml g = WRITER.get();
    LineIndex.Builder ix = new LineIndex.Builder();
    g.index = ix;
    try {
      String text = write(value);
      return text == null ? null : new BlockYaml.Indexed(text, ix.build(text));
    } finally {
      g.index = null;
    }
  }

  /** Ready for a new object (also after one that failed half-way). */
  private void reset() {
    b.setLength(0);
    context = root;
    depth = 0;
    pending = null;
    lines.reset();
  }

  private static BlockYaml.Unsupported unsupported() {
    return BlockYaml.Unsupported.INSTANCE;
  }

  /**
   * Starts a member or item: its line, then its key and colon or its dash. Returns its index entry
   * (-1 when not indexing): a member starts at its key, an item where its value does (after "- ").
   */
  private int begin() {
    if (depth == 0) throw unsupported();
    int d = depth - 1;
    if (mapping[d] && pending == null) throw unsupported();
    if (!(written[d] == 0 && inline[d])) BlockYaml.line(b, indent[d]);
    int e = -1;
    if (mapping[d]) {
      if (index != null) e = openEntry(path[d].key(pending), b.length());
      BlockYaml.key(b, pending);
      b.append(':');
    } else {
      b.append('-');
      // items are never taken back: the items before this one are its index
      if (index != null) e = openEntry(path[d].index(written[d]), b.length() + 1);
    }
    return e;
  }

  /** Opens the index entry at {@code p}, which starts at offset {@code at} of the text. */
  private int openEntry(ModelPath p, int at) {
    begun = p;
    return lines.open(index, p, b, at);
  }

  /** Closes entry {@code e} (-1, when not indexing: nothing). */
  private void closeEntry(int e) {
    if (e >= 0) index.close(e);
  }

  /** Cuts the text back to {@code at} (a member taken back), and the line count with it. */
  private void cut(int at) {
    if (index != null) lines.cut(b, at);
    b.setLength(at);
  }

  /** A scalar member or item: {@code text} after its key or dash. */
  private void scalar(String text) {
    int e = begin();
    b.append(' ').append(text);
    written[depth - 1]++;
    pending = null;
    closeEntry(e);
  }

  private void open(boolean isMapping) {
    int at = b.length();
    int in = 0;
    boolean inSequence = depth > 0 && !mapping[depth - 1];
    String k = inSequence ? null : pending;
    int before = index == null ? 0 : index.size();
    int e = -1;
    begun = ModelPath.ROOT;
    if (depth > 0) {
      e = begin();
      // a sequence under a key is not indented past the key; anything in a sequence follows "- "
      in = indent[depth - 1] + (inSequence || isMapping ? 2 : 0);
      if (inSequence) {
        at = b.length();
        written[depth - 1]++;
        b.append(' ');
      }
    }
    pending = null;
    if (depth == mapping.length) grow();
    mapping[depth] = isMapping;
    indent[depth] = in;
    inline[depth] = inSequence;
    written[depth] = 0;
    mark[depth] = at;
    key[depth] = k;
    path[depth] = begun;
    entry[depth] = e;
    entriesBefore[depth] = before;
    depth++;
  }

  /** The end of a mapping or sequence: its context closed, its text kept or taken back ({@link #end}). */
  private JsonGenerator ended() {
    context = context.clearAndGetParent();
    end();
    return this;
  }

  /**
   * Ends the innermost collection. Empty, it is taken back: written {@code {}} or {@code []} in a
   * sequence, dropped from a mapping unless it is a meaningful empty mapping (written {@code {}}).
   */
  private void end() {
    int d = --depth;
    boolean inMapping = d > 0 && mapping[d - 1];
    if (written[d] == 0 && inMapping && mapping[d] && MEANINGFUL_EMPTY.contains(key[d])) {
      b.append(" {}");
      written[d]++;
    }
    if (written[d] > 0) {
      if (inMapping) written[d - 1]++;
      closeEntry(entry[d]);
      return;
    }
    if (d == 0) throw unsupported();
    cut(mark[d]);
    if (!inMapping) {
      b.append(mapping[d] ? " {}" : " []");
      closeEntry(entry[d]); // an item stays, written empty
    } else if (index != null) {
      index.truncate(entriesBefore[d]); // the member is taken back with its entry
    }
  }

  private void grow() {
    int n = mapping.length * 2;
    mapping = Arrays.copyOf(mapping, n);
    indent = Arrays.copyOf(indent, n);
    inline = Arrays.copyOf(inline, n);
    written = Arrays.copyOf(written, n);
    mark = Arrays.copyOf(mark, n);
    key = Arrays.copyOf(key, n);
    path = Arrays.copyOf(path, n);
    entry = Arrays.copyOf(entry, n);
    entriesBefore = Arrays.copyOf(entriesBefore, n);
  }

  @Override
  public JsonGenerator writeStartObject() {
    return writeStartObject(null);
  }

  @Override
  public JsonGenerator writeStartObject(Object value) {
    context = context.createChildObjectContext(value);
    open(true);
    return this;
  }

  @Override
  public JsonGenerator writeStartObject(Object value, int size) {
    return writeStartObject(value);
  }

  @Override
  public JsonGenerator writeEndObject() {
    return ended();
  }

  @Override
  public JsonGenerator writeStartArray() {
    return writeStartArray(null);
  }

  @Override
  public JsonGenerator writeStartArray(Object value) {
    context = context.createChildArrayContext(value);
    open(false);
    return this;
  }

  @Override
  public JsonGenerator writeStartArray(Object value, int size) {
    return writeStartArray(value);
  }

  @Override
  public JsonGenerator writeEndArray() {
    return ended();
  }

  @Override
  public JsonGenerator writeName(String name) {
    if (depth == 0 || !mapping[depth - 1]) throw unsupported();
    context.writeName(name);
    pending = name;
    return this;
  }

  @Override
  public JsonGenerator writeName(SerializableString name) {
    return writeName(name.getValue());
  }

  @Override
  public JsonGenerator writePropertyId(long id) {
    return writeName(Long.toString(id));
  }

  @Override
  public JsonGenerator writeString(String text) {
    if (text == null) return writeNull();
    int d = depth - 1;
    int e = begin();
    b.append(' ');
    BlockYaml.string(b, text, indent[d] + 2);
    written[d]++;
    pending = null;
    closeEntry(e);
    return this;
  }

  @Override
  public JsonGenerator writeString(char[] text, int offset, int len) {
    return writeString(new String(text, offset, len));
  }

  @Override
  public JsonGenerator writeString(SerializableString text) {
    return writeString(text.getValue());
  }

  @Override
  public JsonGenerator writeNumber(short v) {
    scalar(Short.toString(v));
    return this;
  }

  @Override
  public JsonGenerator writeNumber(int v) {
    scalar(Integer.toString(v));
    return this;
  }

  @Override
  public JsonGenerator writeNumber(long v) {
    scalar(Long.toString(v));
    return this;
  }

  @Override
  public JsonGenerator writeBoolean(boolean state) {
    scalar(state ? "true" : "false");
    return this;
  }

  @Override
  public JsonGenerator writeNull() {
    if (depth > 0 && mapping[depth - 1]) pending = null; // a null member is not written
    else scalar("null");
    return this;
  }

  @Override
  public JsonGenerator writePOJO(Object pojo) {
    if (pojo == null) return writeNull();
    if (pojo instanceof byte[] || pojo instanceof tools.jackson.databind.util.RawValue) throw unsupported();
    Yaml.mapper().writeValue(this, pojo);
    return this;
  }
}
