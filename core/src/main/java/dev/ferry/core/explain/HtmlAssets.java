package dev.ferry.core.explain;

/**
 * The style sheet and script inlined into {@code explain --html} pages (no network, fonts or
 * external files): two scrolling panes, a print layout, and the highlighting of a line's
 * counterparts by the span ids in its {@code data-in} and {@code data-own} attributes.
 */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String CSS = """
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

  static final String JS = """
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
