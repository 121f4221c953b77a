package dev.ferry.rules.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Fixable;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.TextEdit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code ferry lint --fix}: asks every enabled fixable rule for text edits on each compose file as
 * written, applies them, re-parses and asks again until nothing changes. Text is edited in place,
 * so comments and formatting survive. A result that no longer parses cleanly, or that does not load
 * to the same model ({@link FixCheck}), is discarded whole (the file is left as it was), so a fix
 * never breaks a file.
 */
public final class Fixer {
  private static final int MAX_PASSES = 10;

  /** One file's text before and after; {@code changed()} when fixing did something. */
  public record FileFix(String display, Path path, String before, String after) {
    public boolean changed() {
      return !before.equals(after);
    }

    /** A unified diff (a/ and b/ prefixes), empty when unchanged. */
    public String diff() {
      if (!changed()) return "";
      List<String> a = Arrays.asList(before.split("\n", -1));
      List<String> b = Arrays.asList(after.split("\n", -1));
      List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + display, "b/" + display, a, DiffUtils.diff(a, b), 3);
      return String.join("\n", lines) + "\n";
    }
  }

  private Fixer() {}

  public static List<FileFix> fix(LoadOptions opts, LintConfig config) {
    LoadResult load = ComposeLoader.load(opts);
    List<FileFix> out = new ArrayList<>();
    for (String display : load.parsedFiles().keySet()) {
      String text = load.fileTexts().get(display);
      if (text == null || config.ignored(display)) continue;
      Path path = opts.workingDirectory().resolve(display).normalize();
      out.add(new FileFix(display, path, text, fixText(display, text, config)));
    }
    return out;
  }

  /** The fixed text of one file (the same text when nothing applies or a fix would break it). */
  public static String fixText(String display, String text, LintConfig config) {
    // a byte-order mark is the file's, not its first line's: a fix that removes that line keeps it
    if (text.startsWith("\uFEFF")) return "\uFEFF" + fixText(display, text.substring(1), config);
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String start = current;
      for (Rule r : RuleRegistry.all()) {
        if (!(r instanceof Fixable f) || !LintEngine.enabled(r, config)) continue;
        MapNode parsed = parse(display, current);
        if (parsed == null) return text;
        List<TextEdit> edits = f.fixes(new Fixable.FixInput(display, current, parsed, config.options(r)));
        current = apply(current, edits);
      }
      if (current.equals(start)) break;
    }
    return parse(display, current) == null || !FixCheck.sameModel(text, current) ? text : current;
  }

  private static MapNode parse(String display, String text) {
    Diagnostics d = new Diagnostics();
    MapNode m = Parse.composeFile(display, text.getBytes(StandardCharsets.UTF_8), d);
    return d.hasErrors() ? null : m;
  }

  /** Applies non-overlapping edits (an edit overlapping an earlier-starting one waits for the next pass). */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    List<TextEdit> chosen = new ArrayList<>();
    int reach = -1;
    for (TextEdit e : sorted) {
      if (e.start() < reach || e.end() > text.length()) continue;
      chosen.add(e);
      reach = Math.max(e.end(), e.start() + 1);
    }
    StringBuilder b = new StringBuilder(text);
    for (int i = chosen.size() - 1; i >= 0; i--) {
      TextEdit e = chosen.get(i);
      b.replace(e.start(), e.end(), e.replacement());
    }
    return b.toString();
  }
}
