package dev.ferry.core.explain;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.provenance.Alignment;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text as the HTML pages of {@code explain} write it: escaped, glossary terms linked, findings as
 * notes, line ranges and span-id lists. One instance per page remembers the linked form of each
 * note (the same note is shown under every service that has the construct).
 */
final class HtmlText {
  private final Map<String, String> linkedCache = new ConcurrentHashMap<>(); // parts of a page render on every core
  private final List<Alignment.ComposeFile> files;

  HtmlText(Alignment a) {
    this.files = a.files();
  }

  /** {@link #linked(String)}, remembered per text. */
  String link(String text) {
    return linkedCache.computeIfAbsent(text, HtmlText::linked);
  }

  /** A finding under its line (or in the list of other findings). */
  void finding(StringBuilder b, Diagnostic d) {
    String sev = d.severity().name().toLowerCase(Locale.ROOT);
    b.append("<div class=\"finding ").append(sev).append("\" role=\"note\"><b>").append(sev).append("</b> [")
        .append(esc(d.code())).append("] ").append(link(d.message()));
    if (d.hint() != null) b.append(" <i>").append(esc(d.hint())).append("</i>");
    b.append(" <span class=\"pos\">").append(esc(d.position().toString())).append("</span></div>\n");
  }

  /** The position of compose file {@code file} among the page's files (its line anchors are {@code c<index>-<line>}), or -1. */
  int indexOf(String file) {
    for (int i = 0; i < files.size(); i++) if (files.get(i).name().equals(file)) return i;
    return -1;
  }

  /** The worst severity among {@code ds} as a class name, or null when there are none. */
  static String worst(List<Diagnostic> ds) {
    String w = null;
    for (Diagnostic d : ds) {
      if (d.severity() == Severity.ERROR) return "error";
      if (d.severity() == Severity.WARNING) w = "warning";
      else if (w == null) w = "info";
    }
    return w;
  }

  /** {@code text} escaped, the first mention of each glossary term linked to its entry. */
  static String linked(String text) {
    TreeMap<Integer, int[]> at = new TreeMap<>();
    Map<Integer, Glossary.Term> term = new HashMap<>();
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

  static String baseName(String file) {
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

  /** Appends the ids (ascending, distinct) separated by spaces to {@code s} (no string of their own). */
  static StringBuilder join(StringBuilder s, int[] ids) {
    for (int k = 0; k < ids.length; k++) {
      if (k > 0) s.append(' ');
      s.append(ids[k]);
    }
    return s;
  }

  static String esc(String s) {
    int i = firstSpecial(s);
    if (i < 0) return s;
    StringBuilder o = new StringBuilder(s.length() + 16);
    o.append(s, 0, i);
    escFrom(o, s, i);
    return o.toString();
  }

  /** Appends {@code s} escaped to {@code o} (no string of its own when nothing needs escaping). */
  static StringBuilder esc(StringBuilder o, String s) {
    int i = firstSpecial(s);
    if (i < 0) return o.append(s);
    o.append(s, 0, i);
    escFrom(o, s, i);
    return o;
  }

  /** The index of the first character that needs escaping, or -1. */
  private static int firstSpecial(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') return i;
    }
    return -1;
  }

  private static void escFrom(StringBuilder o, String s, int from) {
    for (int i = from; i < s.length(); i++) {
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
  }
}
