package dev.ferry.core.explain;

import static dev.ferry.core.explain.HtmlText.esc;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineCover;
import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line-by-line parts of the {@code explain --html} page: the compose pane and the manifest
 * pane (each line with the ids of the spans it is in, {@code data-in}, and of those it owns,
 * {@code data-own}, and links to its counterparts), and the table the page prints instead. Every
 * line's spans are looked up in the alignment's indexes, so the page costs what it shows.
 */
final class HtmlPanes {
  private final Explanation e;
  private final Alignment a;
  private final HtmlText text;
  private final StringBuilder b;
  /** How the page renders many items (rows, objects): on every core, in order, after what {@link #b} holds. */
  interface Parts {
    void render(int n, int chunk, InOrderParts.Part part);
  }

  private final Parts parts;

  HtmlPanes(Explanation e, HtmlText text, StringBuilder b, Parts parts) {
    this.e = e;
    this.a = e.alignment();
    this.text = text;
    this.b = b;
    this.parts = parts;
  }

  /** The same panes writing to {@code to} (one part of the page). */
  private HtmlPanes to(StringBuilder to) {
    return new HtmlPanes(e, text, to, parts);
  }

  /** Rows per part of the page. */
  private static final int ROWS = 256;
  /** Objects per part of the page. */
  private static final int OBJECTS = 64;

  void composePane() {
    b.append("<section class=\"pane compose\" aria-label=\"compose files\">\n");
    List<Explanation.Row> rows = e.rows();
    parts.render(rows.size(), ROWS, (pb, from, to) -> to(pb).composeRows(rows, from, to));
    if (!rows.isEmpty()) b.append("</div>\n");
    b.append("</section>\n");
  }

  /** Compose rows {@code [from, to)}, each file's heading before its first row. */
  private void composeRows(List<Explanation.Row> rows, int from, int to) {
    String last = from == 0 ? null : rows.get(from - 1).file();
    int fileIndex = last == null ? -1 : text.indexOf(last);
    for (int i = from; i < to; i++) {
      Explanation.Row r = rows.get(i);
      if (!r.file().equals(last)) {
        if (last != null) b.append("</div>\n");
        fileIndex = text.indexOf(r.file());
        b.append("<h2>").append(esc(r.file())).append("</h2>\n<div class=\"code\">\n");
        last = r.file();
      }
      int[] own = a.composeOwners(r.file(), r.line());
      String sev = HtmlText.worst(r.findings());
      b.append("<div class=\"ln").append(own.length > 0 ? " linked" : "").append(sev == null ? "" : " has-" + sev)
          .append("\" id=\"c").append(fileIndex).append('-').append(r.line()).append('"');
      attrs(a.composeCovering(r.file(), r.line()), own);
      b.append("><a class=\"no\" href=\"#c").append(fileIndex).append('-').append(r.line()).append("\">").append(r.line())
          .append("</a><code>");
      esc(b, r.text()).append("</code>");
      List<Integer> targets = a.manifestLinesFor(r.file(), r.line());
      // one link per object, each naming it: "→ Service/vote 105" "→ Deployment/vote 285, 312"
      // keyed by the object's index: an Obj's record hashCode hashes the whole Kubernetes object
      Map<Integer, List<Integer>> byObject = new LinkedHashMap<>();
      for (int m : targets) {
        Alignment.Obj o = a.objectAt(m);
        if (o != null) byObject.computeIfAbsent(o.index(), k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<Integer, List<Integer>> t : byObject.entrySet()) {
        b.append("<a class=\"to\" href=\"#m").append(t.getValue().get(0)).append("\">&rarr; ");
        esc(b, a.objects().get(t.getKey()).ref()).append(' ').append(HtmlText.ranges(t.getValue())).append("</a>");
      }
      b.append("</div>\n");
      if (r.note() != null || !r.reasons().isEmpty()) {
        b.append("<div class=\"note\">");
        if (r.note() != null) b.append("<span class=\"construct\">").append(text.link(r.note())).append("</span>");
        for (String why : r.reasons()) b.append("<span class=\"why\">").append(text.link(why)).append("</span>");
        b.append("</div>\n");
      }
      for (Diagnostic d : r.findings()) text.finding(b, d);
    }
  }

  void manifestPane(List<Alignment.Obj> order) {
    b.append("<section class=\"pane k8s\" aria-label=\"Kubernetes manifests\">\n<h2>Kubernetes manifests</h2>\n<div class=\"code\">\n");
    List<Alignment.Obj> shown = new ArrayList<>();
    for (Alignment.Obj o : order) if (e.service() == null || e.service().equals(o.service())) shown.add(o);
    parts.render(shown.size(), OBJECTS, (pb, from, to) -> {
      HtmlPanes p = to(pb);
      for (int i = from; i < to; i++) p.manifestLines(shown.get(i));
    });
    b.append("</div>\n</section>\n");
  }

  /** The lines of object {@code o}, its {@code ---} line first. */
  private void manifestLines(Alignment.Obj o) {
    LineCover cover = a.manifestCover(o);
    for (int m = o.separator(); m <= o.end(); m++) {
      int[] own = a.manifestOwners(m);
      boolean dflt = a.isDefaultLine(m);
      b.append("<div class=\"ln").append(own.length > 0 ? " linked" : "").append(dflt ? " dflt" : "")
          .append(m == o.separator() ? " sep" : "").append("\" id=\"m").append(m).append('"');
      attrs(union(cover.covering(m), own), own);
      if (dflt) b.append(" title=\"ferry default: ").append(esc(reason(own))).append('"');
      b.append("><a class=\"no\" href=\"#m").append(m).append("\">").append(m).append("</a><code>");
      esc(b, m == o.separator() ? a.manifestLine(m) : SecretMask.HTML.line(o, m - o.start() + 1)).append("</code>");
      if (m == o.separator()) esc(b.append("<span class=\"obj\">"), o.ref()).append("</span>");
      Position p = isRunStart(m) ? a.firstComposeLineFor(m) : null; // asked only where a back-link can go
      if (p != null) {
        int fi = text.indexOf(p.file());
        if (fi >= 0) {
          b.append("<a class=\"to\" href=\"#c").append(fi).append('-').append(p.line()).append("\">&larr; ")
              .append(esc(HtmlText.baseName(p.file()))).append(':').append(p.line()).append("</a>");
        }
      }
      b.append("</div>\n");
    }
  }

  /**
   * For print (and any reader without the two scrolling panes): one table, each compose line in
   * the left cell and the manifest lines it produced in the right cell, under their object's name.
   */
  void printRows() {
    b.append("<section class=\"rows\" aria-label=\"compose and Kubernetes, line by line\">\n<table>\n");
    List<Explanation.Row> rows = e.rows();
    parts.render(rows.size(), ROWS, (pb, from, to) -> to(pb).printRows(rows, from, to));
    b.append("</table>\n</section>\n");
  }

  /** Table rows {@code [from, to)}, a heading row before each file's first. */
  private void printRows(List<Explanation.Row> rows, int from, int to) {
    String last = from == 0 ? null : rows.get(from - 1).file();
    for (int i = from; i < to; i++) {
      Explanation.Row r = rows.get(i);
      if (!r.file().equals(last)) {
        b.append("<tr><th>").append(esc(r.file())).append("</th><th>Kubernetes</th></tr>\n");
        last = r.file();
      }
      esc(b.append("<tr><td><code>").append(SideBySide.lineNumber(r.line())), r.text()).append("</code></td><td>");
      for (Explanation.Run run : r.runs()) {
        esc(b.append("<div class=\"obj\">"), run.object().ref());
        if (!run.context().isEmpty()) esc(b.append(" <span>"), run.context()).append("</span>");
        b.append("</div><pre>");
        for (int m = run.first(); m <= run.last(); m++) {
          esc(b.append(a.isDefaultLine(m) ? "<span class=\"dflt\">" : "<span>"), SecretMask.HTML.line(run.object(), m - run.object().start() + 1))
              .append("</span>\n");
        }
        b.append("</pre>");
      }
      b.append("</td></tr>\n");
    }
  }

  /** Whether manifest line {@code m} starts a run of lines with the same owners (one back-link per run). */
  private boolean isRunStart(int m) {
    return m == 1 || !Arrays.equals(a.manifestOwners(m), a.manifestOwners(m - 1));
  }

  private String reason(int[] own) {
    for (int id : own) if (a.span(id).link().note() != null) return a.span(id).link().note();
    return "";
  }

  /** {@code data-in} (every span the line is in) and {@code data-own} (the spans it owns); both ascending. */
  private void attrs(int[] in, int[] own) {
    if (in.length > 0) HtmlText.join(b.append(" data-in=\""), in).append('"');
    if (own.length > 0) HtmlText.join(b.append(" data-own=\""), distinct(own)).append('"');
  }

  /**
   * The ascending, distinct ids of two arrays: an array that already is the answer is returned as it
   * is, and an ascending one is not copied to be sorted (every manifest line of a page asks this;
   * the copies were a tenth of what writing a page allocated).
   */
  private static int[] union(int[] xs, int[] ys) {
    int[] x = ascending(xs);
    int[] y = ascending(ys);
    if (y.length == 0 && distinctSorted(x)) return x;
    if (x.length == 0 && distinctSorted(y)) return y;
    int[] out = new int[merge(x, y, null)];
    merge(x, y, out);
    return out;
  }

  /** Merges ascending {@code x} and {@code y} into {@code out} (null: only counts), each id once; returns how many. */
  private static int merge(int[] x, int[] y, int[] out) {
    int i = 0;
    int j = 0;
    int n = 0;
    int last = 0;
    while (i < x.length || j < y.length) {
      int v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
      if (n == 0 || last != v) {
        if (out != null) out[n] = v;
        n++;
        last = v;
      }
    }
    return n;
  }

  /** {@code ids} when ascending, else a sorted copy (the caller's array is never changed). */
  private static int[] ascending(int[] ids) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i - 1] > ids[i]) {
        int[] c = ids.clone();
        Arrays.sort(c);
        return c;
      }
    }
    return ids;
  }

  /** Whether ascending {@code ids} holds no id twice. */
  private static boolean distinctSorted(int[] ids) {
    for (int i = 1; i < ids.length; i++) if (ids[i - 1] == ids[i]) return false;
    return true;
  }

  private static int[] distinct(int[] ids) {
    return union(ids, new int[0]);
  }
}
