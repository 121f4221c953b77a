package dev.ferry.core.explain;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ferry explain} for a terminal: compose lines on the left, the Kubernetes lines each one
 * produced on the right (with the object they belong to), the reason ferry recorded, a note per
 * construct and the findings at their lines. Two columns from {@link #MIN_TWO_COLUMNS} columns,
 * stacked below that. ASCII only, so any terminal encoding shows it; ANSI colour only when asked.
 */
public final class SideBySide {
  /** Narrower terminals get the stacked layout. */
  public static final int MIN_TWO_COLUMNS = 100;

  /** Rendering options: total width in columns and whether to use ANSI colour. */
  public record Options(int width, boolean color, boolean brief) {
    public Options {
      width = Math.max(40, width);
    }

    public Options(int width, boolean color) {
      this(width, color, false);
    }
  }

  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String CYAN = "\u001b[36m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  /** Streaming: complete lines go to the sink once this many characters are waiting. */
  private static final int FLUSH_AT = 1 << 16;
  /** Rows rendered together on one core. */
  private static final int ROWS_PER_PART = 256;

  private final Options opts;
  /** The text not yet handed on (all of it when rendering to a string). */
  private final StringBuilder out;
  /** Where the text goes as it is written, or null to keep it all in {@link #out}. */
  private final Appendable sink;
  /** The glossary terms of the text written so far, and how much of {@link #out} that covers (when not streaming). */
  private final Glossary.Scan terms = new Glossary.Scan();
  private int scanned;
  private final int left;
  private final int right;
  private final boolean stacked;
  private Alignment alignment;
  private final Folding folding = new Folding();
  /** Each reason shown so far, wrapped to the right column. */
  private final Map<String, List<String>> reasonLines = new HashMap<>();

  private SideBySide(Options opts, Appendable sink) {
    this(opts, sink, new StringBuilder());
  }

  private SideBySide(Options opts, Appendable sink, StringBuilder out) {
    this.opts = opts;
    this.out = out;
    this.sink = sink;
    this.stacked = opts.width() < MIN_TWO_COLUMNS;
    // the compose column is narrower: its lines are short keys, the manifest lines are deeper and longer
    this.left = stacked ? opts.width() : Math.max(40, (opts.width() - 3) * 2 / 5);
    this.right = stacked ? opts.width() - 8 : opts.width() - 3 - left;
  }

  public static String render(Explanation e, Options opts) {
    SideBySide s = new SideBySide(opts, null);
    s.write(e);
    return s.out.toString();
  }

  /**
   * {@link #render} written to {@code to} as it is made, in pieces of whole lines (a page of
   * 10,000 services is about 90 MB: it is never held as one string).
   */
  public static void write(Explanation e, Options opts, Appendable to) {
    SideBySide s = new SideBySide(opts, to);
    s.write(e);
    s.flush(true);
  }

  /**
   * Hands the complete lines written so far ({@code all}: everything) to the glossary scan and,
   * when streaming, to the sink.
   */
  private void flush(boolean all) {
    int end = all ? out.length() : out.lastIndexOf("\n") + 1;
    if (end <= scanned) return;
    if (sink == null) {
      terms.add(out.substring(scanned, end));
      scanned = end;
      return;
    }
    String piece = out.substring(0, end);
    terms.add(piece);
    try {
      sink.append(piece);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    out.delete(0, end);
  }

  private void write(Explanation e) {
    this.alignment = e.alignment();
    if (!e.beforeApply().isEmpty()) {
      full(color(BOLD, "Before you apply (" + e.beforeApply().size() + "):"));
      for (BeforeApply.Item i : e.beforeApply()) {
        String where = i.position().isKnown() ? i.position().file() + ":" + i.position().line() + ": " : "";
        wrap("  !  ", where + i.severity().name().toLowerCase(Locale.ROOT) + " [" + i.code() + "] " + i.text(),
            i.severity() == Severity.ERROR ? RED : YELLOW);
      }
      out.append('\n');
    }
    List<String> graph = ObjectGraph.of(e).lines();
    if (!graph.isEmpty()) {
      full(color(BOLD, "Objects, along the request path:"));
      for (String g : graph) wrap("  ", g, null);
      out.append('\n');
    }
    List<Explanation.Row> rows = e.rows();
    if (opts.brief()) {
      rows(rows, 0, rows.size(), true); // folding remembers what it showed: in order, on this thread
    } else {
      // each row depends on the rows only, not on what was written before it: rendered on every core, in order
      flush(true);
      InOrderParts.render(rows.size(), ROWS_PER_PART, (b, from, to) -> {
        SideBySide part = new SideBySide(opts, null, b);
        part.alignment = alignment;
        part.rows(rows, from, to, false);
      }, this::emit, terms);
    }
    if (!e.defaults().isEmpty()) {
      out.append('\n');
      full(color(BOLD, "Set by ferry (no compose line behind it):"));
      for (Map.Entry<String, List<String>> d : groupDefaults(e).entrySet()) {
        wrap("  ", d.getKey(), null);
        wrap("      ", opts.brief() && d.getValue().size() > 3 ? "in " + d.getValue().size() + " objects"
            : "in " + String.join(", ", d.getValue()), DIM);
      }
    }
    if (!e.unplacedFindings().isEmpty()) {
      out.append('\n');
      full(color(BOLD, "Findings:"));
      for (Diagnostic d : e.unplacedFindings()) finding(d, true);
    }
    flush(true);
    List<Glossary.Term> terms = this.terms.terms();
    if (!terms.isEmpty()) {
      out.append('\n');
      full(color(BOLD, "Terms used above:"));
      if (opts.brief()) {
        List<String> names = new ArrayList<>();
        for (Glossary.Term t : terms) names.add(t.name());
        wrap("  ", String.join(", ", names) + " (see docs/tutorial.md#terms, or run without --brief)", null);
      } else {
        for (Glossary.Term t : terms) wrap("  ", t.name() + ": " + t.meaning(), null);
      }
    }
    Explanation.Summary s = e.summary();
    out.append('\n');
    List<String> kinds = new ArrayList<>();
    s.kinds().forEach((k, n) -> kinds.add(n + " " + k));
    wrap("", s.objects() + " objects (" + String.join(", ", kinds) + "); compose keys: " + s.translated() + " translated, "
        + s.approximated() + " approximated, " + s.notTranslatable() + " not translatable", null);
  }

  /** Rows {@code [from, to)}, each file's header before its first row; {@code flush}: hand on text as it fills. */
  private void rows(List<Explanation.Row> rows, int from, int to, boolean flush) {
    String lastFile = from == 0 ? null : rows.get(from - 1).file();
    for (int i = from; i < to; i++) {
      Explanation.Row r = rows.get(i);
      if (!r.file().equals(lastFile)) {
        if (lastFile != null) out.append('\n');
        header(r.file());
        lastFile = r.file();
      }
      row(r);
      if (flush && out.length() - scanned >= FLUSH_AT) flush(false);
    }
  }

  /** A piece of whole lines, already scanned for terms: to the sink, or kept (everything before it was handed on). */
  private void emit(String piece) {
    if (sink == null) {
      out.append(piece);
      scanned = out.length();
      return;
    }
    try {
      sink.append(piece);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** "field: value -- reason" → the objects it applies to, in first-seen order. */
  static Map<String, List<String>> groupDefaults(Explanation e) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> texts = e.defaultTexts();
    for (int i = 0; i < texts.size(); i++) {
      Explanation.Default d = e.defaults().get(i);
      String what = texts.get(i);
      String key = what + " -- " + (d.reason() == null ? "" : d.reason());
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(d.object().ref());
    }
    return out;
  }

  private void header(String file) {
    if (stacked) {
      full(color(BOLD, trim(file, opts.width())));
      full(color(DIM, trim("(the Kubernetes lines each compose line became are shown below it)", opts.width())));
    } else {
      out.append(color(BOLD, pad(trim(file, left), left))).append(" | ").append(color(BOLD, "Kubernetes")).append('\n');
      out.append(color(DIM, "-".repeat(left) + "-+-" + "-".repeat(right))).append('\n');
    }
  }

  private void row(Explanation.Row r) {
    String l = lineNumber(r.line()) + r.text();
    List<String[]> rightLines = new ArrayList<>();
    String lastCtx = null;
    for (Explanation.Run run : r.runs()) {
      String ctx = run.object().ref() + (run.context().isEmpty() ? "" : "  " + run.context());
      if (!ctx.equals(lastCtx)) rightLines.add(new String[] {BOLD + kindColor(run.object().kind()), ">> " + ctx});
      lastCtx = ctx;
      String[] texts = new String[run.last() - run.first() + 1]; // each line read once (a copy out of its object's text)
      int indent = Integer.MAX_VALUE;
      for (int m = run.first(); m <= run.last(); m++) indent = Math.min(indent, lead(texts[m - run.first()] = lineOf(run, m)));
      List<Folding.Line> lines = new ArrayList<>(texts.length);
      for (int m = run.first(); m <= run.last(); m++) {
        String t = texts[m - run.first()];
        lines.add(new Folding.Line(t.substring(Math.min(indent, lead(t))), alignment.isDefaultLine(m)));
      }
      if (opts.brief()) lines = folding.fold(run.object().kind() + " " + run.context(), lines);
      for (Folding.Line fl : lines) rightLines.add(new String[] {fl.dflt() ? DIM : null, "   " + fl.text()});
    }
    for (String reason : r.reasons()) {
      // the same few reasons come back row after row: wrapped once per part
      for (String w : reasonLines.computeIfAbsent(reason, k -> words("(" + k + ")", right - 3))) {
        rightLines.add(new String[] {CYAN, "   " + w});
      }
    }
    List<String[]> wrapped = new ArrayList<>();
    for (String[] rl : rightLines) {
      for (String part : fold(rl[1], right, lead(rl[1]) + 4)) wrapped.add(new String[] {rl[0], part});
    }
    List<String> leftLines = fold(l, stacked ? opts.width() : left, 6 + lead(r.text()) + 2);
    if (stacked) {
      for (String ll : leftLines) out.append(ll).append('\n');
      for (String[] rl : wrapped) {
        out.append("      ").append(color(rl[0], rl[1])).append('\n');
      }
    } else {
      int n = Math.max(leftLines.size(), wrapped.size());
      for (int i = 0; i < n; i++) {
        String lc = i < leftLines.size() ? leftLines.get(i) : "";
        out.append(lc);
        for (int k = lc.length(); k < left; k++) out.append(' ');
        out.append(color(DIM, " | "));
        if (i < wrapped.size()) out.append(color(wrapped.get(i)[0], wrapped.get(i)[1]));
        stripTrailing();
        out.append('\n');
      }
    }
    if (r.note() != null) wrap("      i  ", r.note(), CYAN);
    for (Diagnostic d : r.findings()) finding(d, false);
  }

  private String lineOf(Explanation.Run run, int m) {
    return SecretMask.TEXT.line(run.object(), m - run.object().start() + 1);
  }

  private void finding(Diagnostic d, boolean withPosition) {
    String sev = d.severity().name().toLowerCase(Locale.ROOT);
    String c = d.severity() == Severity.ERROR ? RED : d.severity() == Severity.WARNING ? YELLOW : CYAN;
    String mark = d.severity() == Severity.INFO ? "      i  " : "      !  ";
    String where = withPosition ? d.position() + ": " : "";
    wrap(mark, where + sev + " [" + d.code() + "] " + d.message(), c);
  }

  /** Writes {@code text} wrapped to the full width, the first line after {@code lead}, the rest under it. */
  private void wrap(String lead, String text, String c) {
    List<String> lines = words(text, Math.max(20, opts.width() - lead.length()));
    for (int i = 0; i < lines.size(); i++) {
      String prefix = i == 0 ? lead : " ".repeat(lead.length());
      out.append(color(c, prefix + lines.get(i))).append('\n');
    }
  }

  /** {@code text} broken into lines of at most {@code w} columns at spaces. */
  private static List<String> words(String text, int w) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      if (cur.length() > 0 && cur.length() + 1 + word.length() > w) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) cur.append(' ');
      cur.append(word);
    }
    if (cur.length() > 0 || lines.isEmpty()) lines.add(cur.toString());
    return lines;
  }

  /**
   * {@code s} cut into lines of at most {@code w} columns, at a space where one is near the end;
   * continuation lines are indented by {@code indent} (nothing is cut off).
   */
  static List<String> fold(String s, int w, int indent) {
    // one pass with an index into the text: cutting the rest off with substring() each time was
    // quadratic in the length of a long value (a 1 MB env value allocated gigabytes)
    String t = s.replace('\t', ' ');
    if (t.length() <= w) return List.of(t); // most lines: as they are
    List<String> out = new ArrayList<>();
    int in = Math.min(indent, w / 2);
    String prefix = "";
    int start = 0;
    int n = t.length();
    while (prefix.length() + (n - start) > w) {
      int room = w - prefix.length();
      int cut = Math.min(room, n - 1 - start);
      while (cut >= 0 && t.charAt(start + cut) != ' ') cut--; // the last space within the room, not before it
      if (cut < room / 2) cut = room;
      out.add(prefix + t.substring(start, start + cut).stripTrailing());
      start += cut;
      while (start < n && Character.isWhitespace(t.charAt(start))) start++;
      prefix = " ".repeat(in);
    }
    out.add(prefix + t.substring(start));
    return out;
  }

  /** A colour per kind of object, so the workload, its Service and its storage stand apart. */
  private static String kindColor(String kind) {
    return switch (kind) {
      case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob" -> "\u001b[32m";
      case "Service", "Ingress", "NetworkPolicy" -> "\u001b[34m";
      case "Secret", "ConfigMap" -> "\u001b[35m";
      case "PersistentVolumeClaim" -> YELLOW;
      default -> CYAN;
    };
  }

  private void full(String s) {
    out.append(s).append('\n');
  }

  private void stripTrailing() {
    int n = out.length();
    while (n > 0 && out.charAt(n - 1) == ' ') n--;
    out.setLength(n);
  }

  private String color(String c, String s) {
    return !opts.color() || c == null || s.isEmpty() ? s : c + s + RESET;
  }

  /** "  12  ": the line number right-aligned in four columns and two spaces (String.format's "%4d  ", without its cost per row). */
  static String lineNumber(int n) {
    String d = Integer.toString(n);
    return (d.length() < 4 ? "    ".substring(d.length()) : "") + d + "  ";
  }

  private static int lead(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    return i;
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }

  /** Cuts {@code s} to {@code w} columns, marking the cut with "~". */
  static String trim(String s, int w) {
    String t = s.replace('\t', ' ');
    return t.length() <= w ? t : t.substring(0, Math.max(0, w - 1)) + "~";
  }
}
