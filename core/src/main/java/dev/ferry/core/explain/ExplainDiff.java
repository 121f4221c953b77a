package dev.ferry.core.explain;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.source.ModelPath;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code explain --diff OLD NEW}: the Kubernetes fields a compose change moved. Both versions are
 * converted; every emitted object is flattened to its scalar fields and compared; each field that
 * was added, removed or changed is attributed, through provenance, to the compose line that
 * produced it (in NEW; in OLD for what was removed), or to ferry's defaults. Secret values are
 * never shown, only that they changed.
 */
public final class ExplainDiff {
  /** One moved field: {@code op} is +, - or ~. */
  public record Change(String op, String object, String field, String before, String after) {}

  /** The changes one compose line caused; {@code where} is "file:line" ("" for ferry's own choices). */
  public record Group(String where, String composeText, boolean removed, List<Change> changes) {}

  private final List<Group> groups = new ArrayList<>();

  private ExplainDiff() {}

  public static ExplainDiff of(Alignment before, Alignment after) {
    ExplainDiff d = new ExplainDiff();
    d.build(before, after);
    return d;
  }

  private void build(Alignment before, Alignment after) {
    Map<String, Group> byWhere = new TreeMap<>(ExplainDiff::compareWhere);
    Map<String, Alignment.Obj> olds = index(before);
    Map<String, Alignment.Obj> news = index(after);
    List<String> refs = new ArrayList<>(news.keySet());
    for (String r : olds.keySet()) if (!refs.contains(r)) refs.add(r);
    for (String ref : refs) {
      Alignment.Obj o = olds.get(ref);
      Alignment.Obj n = news.get(ref);
      if (o == null || n == null) {
        Alignment.Obj x = n != null ? n : o;
        Alignment a = n != null ? after : before;
        Change c = new Change(n != null ? "+" : "-", ref, "", n != null ? null : "(object)", n != null ? "(object)" : null);
        group(byWhere, a, x, ModelPath.ROOT, n == null).changes().add(c);
        continue;
      }
      Map<ModelPath, String> ov = flatten(o);
      Map<ModelPath, String> nv = flatten(n);
      List<ModelPath> paths = new ArrayList<>(nv.keySet());
      for (ModelPath p : ov.keySet()) if (!nv.containsKey(p)) paths.add(p);
      for (ModelPath p : paths) {
        String b = ov.get(p);
        String v = nv.get(p);
        if (Objects.equals(b, v)) continue;
        boolean secret = n.object() instanceof Secret && p.size() >= 1 && List.of("data", "stringData").contains(p.get(0));
        if (secret) {
          b = b == null ? null : "(hidden)";
          v = v == null ? null : "(hidden)";
        }
        boolean removed = v == null;
        Change c = new Change(b == null ? "+" : v == null ? "-" : "~", ref, p.toString(), b, v);
        group(byWhere, removed ? before : after, removed ? o : n, p, removed).changes().add(c);
      }
    }
    for (Group g : byWhere.values()) if (!g.changes().isEmpty()) groups.add(g);
  }

  private static Map<String, Alignment.Obj> index(Alignment a) {
    Map<String, Alignment.Obj> m = new LinkedHashMap<>();
    for (Alignment.Obj o : a.objects()) m.put(o.ref(), o);
    return m;
  }

  /** The group of the compose line behind field {@code p} of {@code o} (its nearest emitted ancestor's owner). */
  private static Group group(Map<String, Group> byWhere, Alignment a, Alignment.Obj o, ModelPath p, boolean removed) {
    int line = o.separator();
    for (ModelPath q = p; q.size() > 0; q = q.parent()) {
      var e = o.yaml().find(q);
      if (e.isPresent()) {
        line = o.start() + e.get().line() - 1;
        break;
      }
    }
    String where = "";
    String text = "";
    for (int id : a.manifestOwners(line)) {
      Alignment.Span s = a.span(id);
      if (s.isDefault()) continue;
      where = s.file() + ":" + s.composeStart();
      text = a.file(s.file()).index().line(s.composeStart()).strip();
      break;
    }
    String key = where + (removed && !where.isEmpty() ? " (old)" : "");
    String w = where;
    String t = text;
    return byWhere.computeIfAbsent(key, k -> new Group(w, t, removed && !w.isEmpty(), new ArrayList<>()));
  }

  /** Ferry's own choices last; else by file then line. */
  private static int compareWhere(String x, String y) {
    if (x.isEmpty() || y.isEmpty()) return x.isEmpty() == y.isEmpty() ? 0 : x.isEmpty() ? 1 : -1;
    int cx = x.lastIndexOf(':');
    int cy = y.lastIndexOf(':');
    int f = x.substring(0, cx).compareTo(y.substring(0, cy));
    if (f != 0) return f;
    String lx = x.substring(cx + 1).replace(" (old)", "");
    String ly = y.substring(cy + 1).replace(" (old)", "");
    int l = Integer.compare(Integer.parseInt(lx), Integer.parseInt(ly));
    return l != 0 ? l : x.compareTo(y);
  }

  /** Every scalar field of an object, by path. */
  static Map<ModelPath, String> flatten(Alignment.Obj o) {
    Map<ModelPath, String> out = new LinkedHashMap<>();
    walk(ManifestWriter.tree(o.object()), ModelPath.ROOT, out);
    return out;
  }

  private static void walk(JsonNode n, ModelPath p, Map<ModelPath, String> out) {
    if (n.isObject()) {
      for (var e : n.properties()) walk(e.getValue(), p.key(e.getKey()), out);
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) walk(n.get(i), p.index(i), out);
    } else if (!n.isNull()) {
      out.put(p, n.asString());
    }
  }

  public List<Group> groups() {
    return groups;
  }

  /** The diff as text: each compose line, then the fields it moved. */
  public String text(String oldName, String newName) {
    StringBuilder b = new StringBuilder();
    b.append("Kubernetes fields moved by the compose changes (").append(oldName).append(" -> ").append(newName).append("):\n");
    if (groups.isEmpty()) return b.append("  none: both versions convert to the same manifests\n").toString();
    for (Group g : groups) {
      b.append('\n').append(g.where().isEmpty() ? "(ferry's own choices)" : g.where() + (g.removed() ? " (old)" : "") + "  "
          + g.composeText()).append('\n');
      for (Change c : g.changes()) b.append("    ").append(line(c)).append('\n');
    }
    return b.toString();
  }

  static String line(Change c) {
    String what = c.object() + (c.field().isEmpty() ? "" : "  " + c.field());
    return switch (c.op()) {
      case "+" -> "+ " + what + (c.field().isEmpty() ? " (new object)" : ": " + c.after());
      case "-" -> "- " + what + (c.field().isEmpty() ? " (object removed)" : " (was " + c.before() + ")");
      default -> "~ " + what + ": " + c.before() + " -> " + c.after();
    };
  }

  /** The diff as a self-contained HTML page. */
  public String html(String oldName, String newName) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"generator\" content=\"ferry explain --diff\">\n<title>ferry explain --diff</title>\n<style>\n"
        + "body { font: 14px/1.45 system-ui, sans-serif; margin: 16px; } table { border-collapse: collapse; }\n"
        + "td, th { border-top: 1px solid #d0d7de; padding: 2px 8px; text-align: left; vertical-align: top; }\n"
        + "code { font: 12.5px ui-monospace, monospace; white-space: pre-wrap; } .add { color: #1a7f37; } .del { color: #cf222e; }\n"
        + ".chg { color: #9a6700; }\n</style>\n</head>\n<body>\n<h1>Kubernetes fields moved: ")
        .append(HtmlText.esc(oldName)).append(" &rarr; ").append(HtmlText.esc(newName)).append("</h1>\n<table>\n");
    b.append("<tr><th>compose line</th><th>Kubernetes fields</th></tr>\n");
    for (Group g : groups) {
      b.append("<tr><td><code>").append(HtmlText.esc(g.where().isEmpty() ? "(ferry's own choices)"
          : g.where() + (g.removed() ? " (old)" : "") + "  " + g.composeText())).append("</code></td><td>");
      for (Change c : g.changes()) {
        String cls = c.op().equals("+") ? "add" : c.op().equals("-") ? "del" : "chg";
        b.append("<div class=\"").append(cls).append("\"><code>").append(HtmlText.esc(line(c))).append("</code></div>");
      }
      b.append("</td></tr>\n");
    }
    if (groups.isEmpty()) b.append("<tr><td colspan=\"2\">none: both versions convert to the same manifests</td></tr>\n");
    return b.append("</table>\n</body>\n</html>\n").toString();
  }
}
