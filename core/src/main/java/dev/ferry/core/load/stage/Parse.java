package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Stage 1: bytes to a positioned node tree, with every resource limit checked before anything can
 * blow up: size, encoding and line length ({@link SourceText}), nesting depth
 * ({@link DepthLimitedParser}), alias expansion ({@link ExpansionBudget}). A well-formed file is
 * built straight from the parser's events ({@link EventTree}); a file with anything to report is
 * read again through snakeyaml-engine's Composer and {@link TreeBuilder}, which reports it. Both
 * handle YAML merge keys ({@code <<}), anchors/aliases, the compose tags {@code !reset}/{@code
 * !override}. Multiple documents in one file are returned in order
 * (compose merges them).
 */
public final class Parse {
  /** Largest compose file accepted ({@link Limits#FILE_BYTES}). */
  public static final int MAX_BYTES = Limits.FILE_BYTES.intValue();
  /** Deepest nesting accepted ({@link Limits#NESTING_DEPTH}). */
  public static final int MAX_DEPTH = Limits.NESTING_DEPTH.intValue();
  /** Most nodes one file may expand to once aliases are followed ({@link Limits#NODES}). */
  public static final int MAX_NODES = Limits.NODES.intValue();

  private static final String CODE_SYNTAX = "yaml-syntax";

  private final String file;
  private final Diagnostics diags;
  private final YamlPositions positions;

  private Parse(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
    this.positions = new YamlPositions(file);
  }

  /**
   * Parses {@code bytes} of {@code file} (its display name): its documents ([] for an empty file), or
   * null (with an error) when it could not be read.
   */
  public static List<Node> documents(String file, byte[] bytes, Diagnostics diags) {
    return new Parse(file, diags).run(bytes, null, null);
  }

  /**
   * Parses one compose file: the documents merged in order, and checks that the top level is a
   * mapping. Returns null (with an error) when there is no usable document.
   */
  public static MapNode composeFile(String file, byte[] bytes, Diagnostics diags) {
    return composeFile(file, bytes, null, diags);
  }

  /**
   * {@link #composeFile(String, byte[], Diagnostics)} of {@code bytes} the caller has already
   * decoded as {@code decoded} ({@code new String(bytes, UTF_8)}, or null): the text is not
   * decoded a second time.
   */
  public static MapNode composeFile(String file, byte[] bytes, String decoded, Diagnostics diags) {
    return composeFile(file, bytes, decoded, diags, null);
  }

  /**
   * {@link #composeFile(String, byte[], String, Diagnostics)}, also giving {@code outline} the
   * file's {@link Outline} read from the same events (for explain), when there is one: a file read
   * the careful way (it has something to report) or whose text decoding changed (a byte order
   * mark, a malformed byte: the outline would not be of {@code decoded}) gives none.
   */
  public static MapNode composeFile(String file, byte[] bytes, String decoded, Diagnostics diags, Consumer<Outline> outline) {
    List<Node> docs = new Parse(file, diags).run(bytes, decoded, outline);
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

  /** Runs a parse, turning every refusal into an error with its position; null then. */
  private <T> T guarded(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ParseRefusal e) {
      diags.error(CODE_SYNTAX, e.pos, e.message);
    } catch (MarkedYamlEngineException e) {
      Position p = e.getProblemMark().or(e::getContextMark).map(positions::of).orElse(positions.start());
      String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && !e.getContext().isBlank()) msg = e.getContext() + ": " + msg;
      diags.error(CODE_SYNTAX, p, "invalid YAML: " + oneLine(msg));
    } catch (YamlEngineException e) {
      diags.error(CODE_SYNTAX, Position.of(file, 1, 1), "invalid YAML: " + oneLine(e.getMessage()));
    }
    return null;
  }

  private List<Node> run(byte[] bytes, String decoded, Consumer<Outline> outline) {
    String text = new SourceText(file, diags).checked(bytes, decoded);
    if (text == null) return null;
    boolean record = outline != null && text == decoded;
    SplitParse.Read split = SplitParse.read(file, text, record);
    if (split != null) {
      if (split.outline() != null) outline.accept(split.outline());
      return split.documents();
    }
    LoadSettings settings = settings(text);
    Outline.Walk walk = record ? new Outline.Walk(0, Map.of()) : null;
    try {
      List<Node> docs = EventTree.documents(parser(settings, text, walk), positions, settings.getSchema().getScalarResolver());
      if (walk != null && walk.outline() != null) outline.accept(walk.outline());
      return docs;
    } catch (EventTree.GiveUp e) {
      // Something to report or refuse: read again the careful way, which reports as it always has.
      return carefully(settings, text);
    }
  }

  private LoadSettings settings(String text) {
    return settings(file, text);
  }

  private static LoadSettings settings(String file, String text) {
    return LoadSettings.builder()
        .setLabel(file)
        .setSchema(YamlSchema.NO_MERGE)
        .setAllowDuplicateKeys(true) // reported by us, with both positions
        .setMaxAliasesForCollections(Integer.MAX_VALUE) // expansion is bounded by MAX_NODES instead
        .setCodePointLimit(MAX_BYTES)
        .setAllowNonScalarKeys(true)
        .setBufferSize(bufferSize(text))
        .build();
  }

  /** snakeyaml-engine's Composer builds each document's graph, {@link TreeBuilder} converts it, reporting. */
  private List<Node> carefully(LoadSettings settings, String text) {
    return guarded(() -> {
      List<Node> docs = new ArrayList<>();
      Composer composer = new Composer(settings, parser(settings, text, null));
      ExpansionBudget budget = new ExpansionBudget(positions);
      TreeBuilder builder = new TreeBuilder(diags, positions, budget);
      while (composer.hasNext()) {
        org.snakeyaml.engine.v2.nodes.Node n = composer.next();
        budget.admit(n);
        Node converted = builder.convert(n, new IdentityHashMap<>());
        if (converted != null) docs.add(converted);
      }
      return docs;
    });
  }

  /** The careful path alone, for the test that the fast path agrees with it. */
  static List<Node> carefully(String file, String text, Diagnostics diags) {
    Parse p = new Parse(file, diags);
    return p.carefully(p.settings(text), text);
  }

  /** The fast path alone ({@link EventTree}): null when it gives up. For the same test. */
  static List<Node> fast(String file, String text) {
    Parse p = new Parse(file, new Diagnostics());
    LoadSettings settings = p.settings(text);
    try {
      return EventTree.documents(p.parser(settings, text, null), p.positions, settings.getSchema().getScalarResolver());
    } catch (EventTree.GiveUp e) {
      return null;
    }
  }

  /** The parser of {@code text}, its events also read by {@code outline} (when not null). */
  private Parser parser(LoadSettings settings, String text, Outline.Walk outline) {
    return new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), positions, outline);
  }

  /**
   * The parser of the fast path for {@code text}, a piece of {@code positions}' file
   * ({@link SplitParse}), its events also read by {@code outline} (when not null).
   */
  static Parser parser(String text, YamlPositions positions, Outline.Walk outline) {
    LoadSettings settings = settings(positions.file(), text);
    return new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), positions, outline);
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
  }
}
