package dev.ferry.core.explain;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ferry explain --html}: one self-contained page (inline CSS and script; no network, fonts
 * or external files) with the compose file(s) on the left and the manifests on the right. Each line
 * carries the ids of the provenance spans it is in ({@code data-in}) and of the most specific ones
 * it owns ({@code data-own}); hovering or clicking a line highlights the lines of its spans on both
 * sides. Without script the page still reads: every line links to its counterpart, findings and
 * notes sit under their lines, defaults are listed. Same input, same bytes.
 */
public final class HtmlReport {
  private final Explanation e;
  private final Alignment a;
  private final StringBuilder b = new StringBuilder();

  private final ObjectGraph graph;

  private HtmlReport(Explanation e) {
    this.e = e;
    this.a = e.alignment();
    this.graph = ObjectGraph.of(e);
  }

  public static String render(Explanation e, String title) {
    HtmlReport r = new HtmlReport(e);
    r.page(title);
    return r.b.toString();
  }

  private void page(String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"ferry explain\">\n")
        .append("<title>ferry explain: ").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<header><h1>ferry explain: ").append(esc(title));
    if (e.service() != null) b.append(" <small>(service ").append(esc(e.service())).append(")</small>");
    b.append("</h1>\n<p class=\"help\">Each compose line on the left, the Kubernetes lines it became on the right. ")
        .append("Hover or click a line on either side to highlight its counterpart (click again to release); ")
        .append("the arrows link the two sides. <span class=\"legend dflt\">shaded</span> lines are defaults chosen by ferry; ")
        .append("findings (what could not be translated or changes meaning) sit under their compose line.</p></header>\n");
    beforeApply();
    graph();
    summary();
    b.append("<main class=\"panes\">\n");
    composePane();
    manifestPane();
    b.append("</main>\n");
    printRows();
    defaults();
    unplaced();
    glossary();
    b.append("<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
  }

  /** The objects along the request path, as an inline SVG (each box links to its manifest). */
  private void graph() {
    if (graph.order().isEmpty()) return;
    Map<String, String> anchor = new java.util.LinkedHashMap<>();
    for (Alignment.Obj o : graph.order()) anchor.put(o.ref(), "m" + o.separator());
    b.append("<section id=\"graph\"><h2>Objects, along the request path</h2>\n<div class=\"graph-wrap\">\n")
        .append(GraphSvg.render(graph, anchor)).append("</div>\n<ul class=\"graph-text\">\n");
    for (String l : graph.lines()) b.append("<li>").append(esc(l)).append("</li>\n");
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
      int fi = i.position().isKnown() ? indexOf(i.position().file()) : -1;
      if (fi >= 0) {
        b.append(" <a class=\"pos\" href=\"#c").append(fi).append('-').append(i.position().line()).append("\">")
            .append(esc(baseName(i.position().file()))).append(':').append(i.position().line()).append("</a>");
      }
      b.append("</li>\n");
    }
    b.append("</ul></section>\n");
  }

  private void summary() {
    Explanation.Summary s = e.summary();
    long errors = count(Severity.ERROR);
    long warnings = count(Severity.WARNING);
    long infos = count(Severity.INFO);
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

  private long count(Severity sev) {
    long n = 0;
    for (Explanation.Row r : e.rows()) n += r.findings().stream().filter(d -> d.severity() == sev).count();
    return n + e.unplacedFindings().stream().filter(d -> d.severity() == sev).count();
  }

  private void composePane() {
    b.append("<section class=\"pane compose\" aria-label=\"compose files\">\n");
    String last = null;
    int fileIndex = -1;
    for (Explanation.Row r : e.rows()) {
      if (!r.file().equals(last)) {
        if (last != null) b.append("</div>\n");
        fileIndex = indexOf(r.file());
        b.append("<h2>").append(esc(r.file())).append("</h2>\n<div class=\"code\">\n");
        last = r.file();
      }
      int[] own = a.composeOwners(r.file(), r.line());
      TreeSet<Integer> in = new TreeSet<>();
      for (Alignment.Span s : a.spans()) if (s.coversCompose(r.file(), r.line())) in.add(s.id());
      String sev = worst(r.findings());
      b.append("<div class=\"ln").append(own.length > 0 ? " linked" : "").append(sev == null ? "" : " has-" + sev)
          .append("\" id=\"c").append(fileIndex).append('-').append(r.line()).append('"');
      attrs(in, own);
      b.append("><a class=\"no\" href=\"#c").append(fileIndex).append('-').append(r.line()).append("\">").append(r.line())
          .append("</a><code>").append(esc(r.text())).append("</code>");
      List<Integer> targets = a.manifestLinesFor(r.file(), r.line());
      // one link per object, each naming it: "→ Service/vote 105" "→ Deployment/vote 285, 312"
      Map<Alignment.Obj, List<Integer>> byObject = new java.util.LinkedHashMap<>();
      for (int m : targets) {
        Alignment.Obj o = a.objectAt(m);
        if (o != null) byObject.computeIfAbsent(o, k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<Alignment.Obj, List<Integer>> t : byObject.entrySet()) {
        b.append("<a class=\"to\" href=\"#m").append(t.getValue().get(0)).append("\">&rarr; ")
            .append(esc(t.getKey().ref())).append(' ').append(ranges(t.getValue())).append("</a>");
      }
      b.append("</div>\n");
      if (r.note() != null || !r.reasons().isEmpty()) {
        b.append("<div class=\"note\">");
        if (r.note() != null) b.append("<span class=\"construct\">").append(linked(r.note())).append("</span>");
        for (String why : r.reasons()) b.append("<span class=\"why\">").append(linked(why)).append("</span>");
        b.append("</div>\n");
      }
      for (Diagnostic d : r.findings()) finding(d);
    }
    if (last != null) b.append("</div>\n");
    b.append("</section>\n");
  }

  private void manifestPane() {
    b.append("<section class=\"pane k8s\" aria-label=\"Kubernetes manifests\">\n<h2>Kubernetes manifests</h2>\n<div class=\"code\">\n");
    for (Alignment.Obj o : graph.order()) {
      if (e.service() != null && !e.service().equals(o.service())) continue;
      for (int m = o.separator(); m <= o.end(); m++) {
        int[] own = a.manifestOwners(m);
        TreeSet<Integer> in = new TreeSet<>();
        for (Alignment.Span s : a.spans()) {
          if (s.object() == o.index() && s.coversManifest(m)) in.add(s.id());
        }
        for (int id : own) in.add(id);
        boolean dflt = a.isDefaultLine(m);
        b.append("<div class=\"ln").append(own.length > 0 ? " linked" : "").append(dflt ? " dflt" : "")
            .append(m == o.separator() ? " sep" : "").append("\" id=\"m").append(m).append('"');
        attrs(in, own);
        if (dflt) b.append(" title=\"ferry default: ").append(esc(reason(own))).append('"');
        b.append("><a class=\"no\" href=\"#m").append(m).append("\">").append(m).append("</a><code>")
            .append(esc(m == o.separator() ? a.manifestLine(m) : SecretMask.HTML.line(o, m - o.start() + 1))).append("</code>");
        if (m == o.separator()) b.append("<span class=\"obj\">").append(esc(o.ref())).append("</span>");
        List<dev.ferry.core.source.Position> from = a.composeLinesFor(m);
        if (!from.isEmpty() && isRunStart(m)) {
          dev.ferry.core.source.Position p = from.get(0);
          int fi = indexOf(p.file());
          if (fi >= 0) {
            b.append("<a class=\"to\" href=\"#c").append(fi).append('-').append(p.line()).append("\">&larr; ")
                .append(esc(baseName(p.file()))).append(':').append(p.line()).append("</a>");
          }
        }
        b.append("</div>\n");
      }
    }
    b.append("</div>\n</section>\n");
  }

  /**
   * For print (and any reader without the two scrolling panes): one table, each compose line in
   * the left cell and the manifest lines it produced in the right cell, under their object's name.
   */
  private void printRows() {
    b.append("<section class=\"rows\" aria-label=\"compose and Kubernetes, line by line\">\n<table>\n");
    String last = null;
    for (Explanation.Row r : e.rows()) {
      if (!r.file().equals(last)) {
        b.append("<tr><th>").append(esc(r.file())).append("</th><th>Kubernetes</th></tr>\n");
        last = r.file();
      }
      b.append("<tr><td><code>").append(String.format("%4d  ", r.line())).append(esc(r.text())).append("</code></td><td>");
      for (Explanation.Run run : r.runs()) {
        b.append("<div class=\"obj\">").append(esc(run.object().ref()))
            .append(run.context().isEmpty() ? "" : " <span>" + esc(run.context()) + "</span>").append("</div><pre>");
        for (int m : run.lines()) {
          b.append(a.isDefaultLine(m) ? "<span class=\"dflt\">" : "<span>")
              .append(esc(SecretMask.HTML.line(run.object(), m - run.object().start() + 1))).append("</span>\n");
        }
        b.append("</pre>");
      }
      b.append("</td></tr>\n");
    }
    b.append("</table>\n</section>\n");
  }

  /** Whether manifest line {@code m} starts a run of lines with the same owners (one back-link per run). */
  private boolean isRunStart(int m) {
    return m == 1 || !java.util.Arrays.equals(a.manifestOwners(m), a.manifestOwners(m - 1));
  }

  private String reason(int[] own) {
    for (int id : own) if (a.span(id).link().note() != null) return a.span(id).link().note();
    return "";
  }

  private void defaults() {
    if (e.defaults().isEmpty()) return;
    b.append("<section id=\"defaults\"><h2>Set by ferry (no compose line behind it)</h2>\n<ul>\n");
    Map<String, List<Explanation.Default>> groups = new java.util.LinkedHashMap<>();
    for (Explanation.Default d : e.defaults()) {
      String what = d.field().isEmpty() ? d.object().ref() : a.manifestLine(d.line()).strip();
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
    }
    b.append("</ul></section>\n");
  }

  /** The terms the page uses, each with its meaning; notes link to them. */
  private void glossary() {
    List<Glossary.Term> terms = Glossary.used(b.toString());
    if (terms.isEmpty()) return;
    b.append("<section id=\"glossary\"><h2>Terms</h2>\n<dl>\n");
    for (Glossary.Term t : terms) {
      b.append("<dt id=\"").append(t.id()).append("\">").append(esc(t.name())).append("</dt><dd>").append(esc(t.meaning()))
          .append("</dd>\n");
    }
    b.append("</dl></section>\n");
  }

  /** {@code text} escaped, the first mention of each glossary term linked to its entry. */
  static String linked(String text) {
    java.util.TreeMap<Integer, int[]> at = new java.util.TreeMap<>();
    java.util.Map<Integer, Glossary.Term> term = new java.util.HashMap<>();
    for (Glossary.Term t : Glossary.TERMS) {
      int[] m = Glossary.find(t, text);
      if (m == null) continue;
      var before = at.floorEntry(m[0]);
      if (before != null && before.getValue()[1] > m[0]) continue;
      var after = at.ceilingEntry(m[0]);
      if (after != null && after.getKey() < m[1]) continue;
      at.put(m[0], m);
      term.put(m[0], t);
    }
    StringBuilder o = new StringBuilder();
    int pos = 0;
    for (var e : at.entrySet()) {
      int[] m = e.getValue();
      o.append(esc(text.substring(pos, m[0]))).append("<a class=\"term\" href=\"#").append(term.get(e.getKey()).id())
          .append("\">").append(esc(text.substring(m[0], m[1]))).append("</a>");
      pos = m[1];
    }
    return o.append(esc(text.substring(pos))).toString();
  }

  private void unplaced() {
    if (e.unplacedFindings().isEmpty()) return;
    b.append("<section id=\"other-findings\"><h2>Other findings</h2>\n");
    for (Diagnostic d : e.unplacedFindings()) finding(d);
    b.append("</section>\n");
  }

  private void finding(Diagnostic d) {
    String sev = d.severity().name().toLowerCase(Locale.ROOT);
    b.append("<div class=\"finding ").append(sev).append("\" role=\"note\"><b>").append(sev).append("</b> [")
        .append(esc(d.code())).append("] ").append(linked(d.message()));
    if (d.hint() != null) b.append(" <i>").append(esc(d.hint())).append("</i>");
    b.append(" <span class=\"pos\">").append(esc(d.position().toString())).append("</span></div>\n");
  }

  private static String worst(List<Diagnostic> ds) {
    String w = null;
    for (Diagnostic d : ds) {
      if (d.severity() == Severity.ERROR) return "error";
      if (d.severity() == Severity.WARNING) w = "warning";
      else if (w == null) w = "info";
    }
    return w;
  }

  private void attrs(TreeSet<Integer> in, int[] own) {
    if (!in.isEmpty()) b.append(" data-in=\"").append(join(in)).append('"');
    if (own.length > 0) {
      TreeSet<Integer> o = new TreeSet<>();
      for (int id : own) o.add(id);
      b.append(" data-own=\"").append(join(o)).append('"');
    }
  }

  private int indexOf(String file) {
    List<Alignment.ComposeFile> fs = a.files();
    for (int i = 0; i < fs.size(); i++) if (fs.get(i).name().equals(file)) return i;
    return -1;
  }

  private static String baseName(String file) {
    int i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return i >= 0 ? file.substring(i + 1) : file;
  }

  /** "12-18, 40" for a sorted list of lines. */
  static String ranges(List<Integer> lines) {
    StringBuilder s = new StringBuilder();
    int start = -1;
    int prev = -1;
    for (int l : lines) {
      if (start < 0) {
        start = prev = l;
        continue;
      }
      if (l == prev + 1) {
        prev = l;
        continue;
      }
      s.append(s.length() > 0 ? ", " : "").append(start == prev ? "" + start : start + "-" + prev);
      start = prev = l;
    }
    if (start >= 0) s.append(s.length() > 0 ? ", " : "").append(start == prev ? "" + start : start + "-" + prev);
    return s.toString();
  }

  private static String join(TreeSet<Integer> ids) {
    StringBuilder s = new StringBuilder();
    for (int i : ids) s.append(s.length() > 0 ? " " : "").append(i);
    return s.toString();
  }

  static String esc(String s) {
    StringBuilder o = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> o.append(c);
      }
    }
    return o.toString();
  }

  private static final String CSS = """
      :root { --fg: #1f2328; --dim: #6e7781; --bg: #ffffff; --hl: #fff3b0; --src: #ffd75e; --line: #d0d7de;
        --dflt: #f3f4f6; --warn: #9a6700; --err: #cf222e; --info: #0969da; --note: #57606a; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
      header, #summary, #defaults, #other-findings, #before-apply, #glossary, #graph { padding: 0 16px; }
      .graph-wrap { overflow-x: auto; } .graph-text { font-size: 12px; color: var(--note); margin: 4px 0 8px; }
      svg.graph a:hover rect { stroke-width: 2; }
      a.term { color: inherit; text-decoration: underline dotted; } #glossary dt { font-weight: bold; } #glossary dd { margin: 0 0 4px 1.5em; }
      #before-apply ul { list-style: none; padding: 0; margin: 0 0 8px; } #before-apply li.finding { margin: 2px 0; }
      h1 { font-size: 20px; margin: 12px 0 4px; } h1 small { font-weight: normal; color: var(--dim); }
      h2 { font-size: 15px; margin: 10px 0 6px; }
      .help { color: var(--note); margin: 0 0 8px; max-width: 100em; }
      .legend.dflt { background: var(--dflt); padding: 0 4px; }
      table.summary { border-collapse: collapse; margin-bottom: 8px; }
      table.summary th, table.summary td { border: 1px solid var(--line); padding: 2px 8px; text-align: left; }
      table.summary td:nth-child(2) { text-align: right; font-variant-numeric: tabular-nums; }
      .panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; padding: 0 16px; }
      .pane { border: 1px solid var(--line); border-radius: 6px; max-height: calc(100vh - 40px); overflow: auto; }
      .pane h2 { position: sticky; top: 0; background: #f6f8fa; margin: 0; padding: 6px 10px; border-bottom: 1px solid var(--line); z-index: 1; }
      .code { font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 4px 0; }
      .ln { display: flex; align-items: baseline; white-space: pre; padding-right: 8px; }
      .ln.linked { cursor: pointer; }
      .ln code { font: inherit; flex: 1 1 auto; }
      .ln .no { color: var(--dim); text-decoration: none; min-width: 3.5em; padding-right: 1em; text-align: right; user-select: none; }
      .ln .to { color: var(--info); text-decoration: none; font-size: 11px; margin-left: 1em; opacity: .55; white-space: nowrap; }
      .ln:hover .to, .ln.src .to { opacity: 1; }
      .ln .obj { color: var(--dim); font-size: 11px; margin-left: 1em; }
      .ln.sep { border-top: 1px solid var(--line); margin-top: 4px; }
      .ln.dflt { background: var(--dflt); }
      .ln.has-warning { box-shadow: inset 3px 0 var(--warn); } .ln.has-error { box-shadow: inset 3px 0 var(--err); }
      .ln.has-info { box-shadow: inset 3px 0 var(--info); }
      .ln.hl { background: var(--hl); } .ln.src { background: var(--src); }
      .note { font-size: 12px; color: var(--note); margin: 0 8px 2px 4.5em; white-space: normal; }
      .note .construct::before { content: "i "; font-weight: bold; color: var(--info); }
      .note .why { display: block; font-style: italic; }
      .finding { font-size: 12px; margin: 1px 8px 3px 4.5em; padding: 2px 6px; border-left: 3px solid; white-space: normal; }
      .finding.warning { border-color: var(--warn); background: #fff8c5; } .finding.error { border-color: var(--err); background: #ffebe9; }
      .finding.info { border-color: var(--info); background: #ddf4ff; }
      .finding .pos { color: var(--dim); }
      #defaults li { margin: 2px 0; }
      .rows { display: none; padding: 0 16px; }
      .rows table { border-collapse: collapse; width: 100%; table-layout: fixed; }
      .rows td, .rows th { border-top: 1px solid var(--line); vertical-align: top; text-align: left; padding: 1px 6px; }
      .rows td:first-child, .rows th:first-child { width: 40%; }
      .rows code, .rows pre { font: 10.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap;
        overflow-wrap: anywhere; margin: 0; }
      .rows .obj { font-weight: bold; font-size: 10.5px; } .rows .obj span { font-weight: normal; color: var(--dim); }
      .rows .dflt { background: var(--dflt); color: var(--note); }
      .rows tr { break-inside: avoid; }
      @media print {
        .panes, .help { display: none; }
        .rows { display: block; }
        a { color: inherit; }
      }
      @media (max-width: 900px) {
        .panes { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 6px; padding: 0 6px; }
        .code { font-size: 11px; }
        .ln { white-space: pre-wrap; overflow-wrap: anywhere; }
        .ln .no { min-width: 2.5em; padding-right: .5em; }
        .ln .to { display: none; }
        .note, .finding { margin-left: 1em; }
      }
      """;

  private static final String JS = """
      (function () {
        var bySpan = {};
        var lines = document.querySelectorAll('.ln');
        lines.forEach(function (el) {
          (el.getAttribute('data-in') || '').split(' ').forEach(function (s) {
            if (s) (bySpan[s] = bySpan[s] || []).push(el);
          });
        });
        var pinned = null;
        function clear() {
          document.querySelectorAll('.ln.hl, .ln.src').forEach(function (e) { e.classList.remove('hl', 'src'); });
        }
        function show(el) {
          clear();
          (el.getAttribute('data-own') || '').split(' ').forEach(function (s) {
            (bySpan[s] || []).forEach(function (e) { e.classList.add('hl'); });
          });
          el.classList.add('src');
        }
        function reveal(el) {
          var other = el.closest('.pane').classList.contains('compose') ? '.pane.k8s' : '.pane.compose';
          var first = document.querySelector(other + ' .ln.hl');
          if (first) first.scrollIntoView({block: 'center'});
        }
        lines.forEach(function (el) {
          if (!el.hasAttribute('data-own')) return;
          el.addEventListener('mouseenter', function () { if (!pinned) show(el); });
          el.addEventListener('mouseleave', function () { if (!pinned) clear(); });
          el.addEventListener('click', function (ev) {
            if (ev.target.tagName === 'A') return;
            if (pinned === el) { pinned = null; clear(); return; }
            pinned = el; show(el); reveal(el);
          });
        });
      })();
      """;
}
