package dev.ferry.core.explain;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static dev.ferry.core.explain.HtmlText.esc;

/**
 * {@code ferry explain --html}: one self-contained page (inline CSS and script; no network, fonts
 * or external files) with the compose file(s) on the left and the manifests on the right. Each line
 * carries the ids of the provenance spans it is in ({@code data-in}) and of the most specific ones
 * it owns ({@code data-own}); hovering or clicking a line highlights the lines of its spans on both
 * sides. Without script the page still reads: every line links to its counterpart, findings and
 * notes sit under their lines, defaults are listed. Same input, same bytes. The page is written as
 * it is made, in pieces of whole lines (370 MB at 10,000 services is never one string).
 */
public final class HtmlReport {
  /** Characters the page holds before its whole lines go to the writer. */
  private static final int PIECE = 1 << 16;
  private final Explanation e;
  private final Alignment a;
  private final StringBuilder b = new StringBuilder(2 * PIECE);
  private final Writer out;
  /** The glossary's terms are those of the page before it: scanned as each piece is written. */
  private final Glossary.Scan scan = new Glossary.Scan();

  private final ObjectGraph graph;
  private final HtmlText text;

  private HtmlReport(Explanation e, Writer out) {
    this.e = e;
    this.out = out;
    this.a = e.alignment();
    this.graph = ObjectGraph.of(e);
    this.text = new HtmlText(a);
    // the alignment's compose-line tables are built on first use: built here, before the panes are rendered on every core
    for (Alignment.ComposeFile f : a.files()) {
      a.composeCovering(f.name(), 1);
      f.index().firstAt(1);
    }
  }

  /** The page as one string (tests, small projects). */
  public static String render(Explanation e, String title) {
    StringWriter w = new StringWriter();
    try {
      render(e, title, w);
    } catch (IOException x) {
      throw new UncheckedIOException(x); // a StringWriter throws none
    }
    return w.toString();
  }

  /** Writes the page to {@code out} as it is made; {@code out} is not flushed or closed. */
  public static void render(Explanation e, String title, Writer out) throws IOException {
    try {
      new HtmlReport(e, out).page(title);
    } catch (UncheckedIOException x) {
      throw x.getCause();
    }
  }

  /** Sends the page's whole lines so far to the writer once they fill a piece ({@code all}: whatever their length). */
  private void spill(boolean all) {
    if (b.length() < (all ? 1 : PIECE)) return;
    int end = b.lastIndexOf("\n") + 1;
    if (end == 0) return;
    String piece = b.substring(0, end);
    b.delete(0, end);
    // a section that grew the builder far past a piece (a long line) does not leave it that large for the rest of the page
    if (b.capacity() > 16 * PIECE && b.length() < PIECE) b.trimToSize();
    scan.add(piece);
    write(piece);
  }

  /**
   * Items rendered on every core by {@code part} and written in order after the page so far (which
   * ends with a line break: each part is scanned for terms on its own).
   */
  private void inOrder(int n, int chunk, InOrderParts.Part part) {
    spill(true);
    if (!b.isEmpty()) { // not at a line break: cannot happen (every part of the page ends its lines)
      String rest = b.toString();
      b.setLength(0);
      scan.add(rest);
      write(rest);
    }
    InOrderParts.render(n, chunk, part, this::write, scan);
  }

  private void write(String piece) {
    try {
      out.write(piece);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private void page(String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"ferry explain\">\n")
        .append("<title>ferry explain: ").append(esc(title)).append("</title>\n<style>\n").append(HtmlAssets.CSS).append("</style>\n</head>\n<body>\n");
    b.append("<header><h1>ferry explain: ").append(esc(title));
    if (e.service() != null) b.append(" <small>(service ").append(esc(e.service())).append(")</small>");
    b.append("</h1>\n<p class=\"help\">Each compose line on the left, the Kubernetes lines it became on the right. ")
        .append("Hover or click a line on either side to highlight its counterpart (click again to release); ")
        .append("the arrows link the two sides. <span class=\"legend dflt\">shaded</span> lines are defaults chosen by ferry; ")
        .append("findings (what could not be translated or changes meaning) sit under their compose line.</p></header>\n");
    beforeApply();
    graph();
    summary();
    spill(false);
    HtmlPanes panes = new HtmlPanes(e, text, b, this::inOrder);
    b.append("<main class=\"panes\">\n");
    panes.composePane();
    panes.manifestPane(graph.order());
    b.append("</main>\n");
    panes.printRows();
    defaults();
    unplaced();
    glossary();
    b.append("<script>\n").append(HtmlAssets.JS).append("</script>\n</body>\n</html>\n");
    spill(true);
  }

  /** The objects along the request path, as an inline SVG (each box links to its manifest). */
  private void graph() {
    if (graph.order().isEmpty()) return;
    Map<String, String> anchor = new LinkedHashMap<>();
    for (Alignment.Obj o : graph.order()) anchor.put(o.ref(), "m" + o.separator());
    b.append("<section id=\"graph\"><h2>Objects, along the request path</h2>\n<div class=\"graph-wrap\">\n");
    // The picture (about 20 MB at 10,000 services) goes to the writer as a piece of its own (it ends
    // its last line), not through the page's builder, which would keep a buffer that size to the end.
    spill(true);
    String svg = GraphSvg.render(graph, anchor);
    scan.add(svg);
    write(svg);
    b.append("</div>\n<ul class=\"graph-text\">\n");
    for (String l : graph.lines()) {
      b.append("<li>").append(esc(l)).append("</li>\n");
      spill(false);
    }
    b.append("</ul></section>\n");
  }

  /** The things to act on before applying, first on the page, each linked to its compose line. */
  private void beforeApply() {
    if (e.beforeApply().isEmpty()) return;
    b.append("<section id=\"before-apply\"><h2>Before you apply</h2>\n<ul>\n");
    for (BeforeApply.Item i : e.beforeApply()) {
      String sev = i.severity().name().toLowerCase(Locale.ROOT);
      b.append("<li class=\"finding ").append(sev).append("\"><b>").append(sev).append("</b> [").append(esc(i.code()))
          .append("] ").append(esc(i.text()));
      int fi = i.position().isKnown() ? text.indexOf(i.position().file()) : -1;
      if (fi >= 0) {
        b.append(" <a class=\"pos\" href=\"#c").append(fi).append('-').append(i.position().line()).append("\">")
            .append(esc(HtmlText.baseName(i.position().file()))).append(':').append(i.position().line()).append("</a>");
      }
      b.append("</li>\n");
      spill(false);
    }
    b.append("</ul></section>\n");
  }

  private void summary() {
    Explanation.Summary s = e.summary();
    long[] bySeverity = countBySeverity();
    long errors = bySeverity[Severity.ERROR.ordinal()];
    long warnings = bySeverity[Severity.WARNING.ordinal()];
    long infos = bySeverity[Severity.INFO.ordinal()];
    b.append("<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary\">\n");
    b.append("<tr><th scope=\"row\">Objects created</th><td id=\"sum-objects\">").append(s.objects()).append("</td><td>");
    List<String> kinds = new ArrayList<>();
    for (Map.Entry<String, Integer> k : s.kinds().entrySet()) kinds.add(k.getValue() + " " + esc(k.getKey()));
    b.append(String.join(", ", kinds)).append("</td></tr>\n");
    row("Compose keys translated", "sum-translated", s.translated(), "became Kubernetes fields as they are");
    row("Compose keys approximated", "sum-approximated", s.approximated(), "translated, with a finding: the meaning changes somewhat");
    row("Compose keys not translatable", "sum-not-translatable", s.notTranslatable(), "no Kubernetes equivalent: left out (see the findings)");
    row("Findings", "sum-findings", errors + warnings + infos, errors + " errors, " + warnings + " warnings, " + infos + " info");
    b.append("</table></section>\n");
  }

  private void row(String label, String id, long n, String what) {
    b.append("<tr><th scope=\"row\">").append(label).append("</th><td id=\"").append(id).append("\">").append(n)
        .append("</td><td>").append(esc(what)).append("</td></tr>\n");
  }

  /** The findings shown, counted by severity (by ordinal) in one pass. */
  private long[] countBySeverity() {
    long[] n = new long[Severity.values().length];
    for (Explanation.Row r : e.rows()) for (Diagnostic d : r.findings()) n[d.severity().ordinal()]++;
    for (Diagnostic d : e.unplacedFindings()) n[d.severity().ordinal()]++;
    return n;
  }

  private void defaults() {
    if (e.defaults().isEmpty()) return;
    b.append("<section id=\"defaults\"><h2>Set by ferry (no compose line behind it)</h2>\n<ul>\n");
    Map<String, List<Explanation.Default>> groups = new LinkedHashMap<>();
    List<String> texts = e.defaultTexts();
    for (int i = 0; i < texts.size(); i++) {
      Explanation.Default d = e.defaults().get(i);
      String what = texts.get(i);
      groups.computeIfAbsent(what + "\u0000" + (d.reason() == null ? "" : d.reason()), k -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<String, List<Explanation.Default>> g : groups.entrySet()) {
      String[] kv = g.getKey().split("\u0000", 2);
      b.append("<li><code>").append(esc(kv[0])).append("</code>: ").append(esc(kv[1])).append(" <span class=\"in\">(");
      for (int i = 0; i < g.getValue().size(); i++) {
        Explanation.Default d = g.getValue().get(i);
        b.append(i > 0 ? ", " : "").append("<a href=\"#m").append(d.line()).append("\">").append(esc(d.object().ref())).append("</a>");
      }
      b.append(")</span></li>\n");
      spill(false);
    }
    b.append("</ul></section>\n");
  }

  /** The terms the page uses, each with its meaning; notes link to them. */
  private void glossary() {
    spill(true); // the page so far is scanned as it is written
    if (!b.isEmpty()) scan.add(b.toString()); // none: the page so far ends with a line break
    List<Glossary.Term> terms = scan.terms();
    if (terms.isEmpty()) return;
    b.append("<section id=\"glossary\"><h2>Terms</h2>\n<dl>\n");
    for (Glossary.Term t : terms) {
      b.append("<dt id=\"").append(t.id()).append("\">").append(esc(t.name())).append("</dt><dd>").append(esc(t.meaning()))
          .append("</dd>\n");
    }
    b.append("</dl></section>\n");
  }

  private void unplaced() {
    if (e.unplacedFindings().isEmpty()) return;
    b.append("<section id=\"other-findings\"><h2>Other findings</h2>\n");
    for (Diagnostic d : e.unplacedFindings()) {
      text.finding(b, d);
      spill(false);
    }
    b.append("</section>\n");
  }
}
