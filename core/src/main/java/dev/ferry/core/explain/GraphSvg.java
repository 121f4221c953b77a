package dev.ferry.core.explain;

import dev.ferry.core.provenance.Alignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ObjectGraph} as an inline SVG for the HTML report: one column per hop along the request
 * path (you, entry Services, their Pods' workloads, the Services they call...), a box per object
 * linking to its manifest, an arrow per edge; a broken reference is a dashed red arrow to a red
 * box. No script, no external font (generic monospace), deterministic.
 */
final class GraphSvg {
  private static final int W = 200;
  private static final int H = 24;
  private static final int GAP_X = 36;
  private static final int GAP_Y = 12;

  private GraphSvg() {}

  /** {@code anchor}: object ref → the fragment of its first manifest line. */
  static String render(ObjectGraph g, Map<String, String> anchor) {
    Map<String, Integer> depth = new LinkedHashMap<>(g.depths());
    List<String> nodes = new ArrayList<>();
    if (!g.entries().isEmpty()) {
      depth.put("you", 0);
      nodes.add("you");
    }
    for (Alignment.Obj o : g.order()) nodes.add(o.ref());
    for (ObjectGraph.Edge e : g.edges()) {
      if (e.broken() && !nodes.contains(e.to())) {
        nodes.add(e.to());
        depth.put(e.to(), depth.getOrDefault(e.from(), 2) + 1);
      }
    }
    Map<Integer, Integer> rows = new LinkedHashMap<>();
    Map<String, int[]> at = new LinkedHashMap<>();
    int maxX = 0;
    int maxY = 0;
    for (String n : nodes) {
      int col = depth.getOrDefault(n, 0);
      int row = rows.merge(col, 1, Integer::sum) - 1;
      int x = 10 + col * (W + GAP_X);
      int y = 10 + row * (H + GAP_Y);
      at.put(n, new int[] {x, y});
      maxX = Math.max(maxX, x + W + 10);
      maxY = Math.max(maxY, y + H + 10);
    }
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"graph\" role=\"img\" aria-label=\"objects along the request path\" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" width=\"").append(maxX).append("\" height=\"").append(maxY).append("\" viewBox=\"0 0 ").append(maxX).append(' ')
        .append(maxY).append("\">\n");
    List<ObjectGraph.Edge> edges = new ArrayList<>(g.edges());
    for (String e : g.entries()) edges.add(0, new ObjectGraph.Edge("you", e, "reaches", false));
    for (ObjectGraph.Edge e : edges) {
      int[] f = at.get(e.from());
      int[] t = at.get(e.to());
      if (f == null || t == null) continue;
      boolean forward = t[0] > f[0];
      int x1 = forward ? f[0] + W : f[0] + W / 2;
      int y1 = forward ? f[1] + H / 2 : f[1] + H;
      int x2 = forward ? t[0] : t[0] + W / 2;
      int y2 = forward ? t[1] + H / 2 : t[1];
      b.append("<line class=\"edge").append(e.broken() ? " broken" : "").append("\" data-from=\"").append(HtmlText.esc(e.from()))
          .append("\" data-to=\"").append(HtmlText.esc(e.to())).append("\" x1=\"").append(x1).append("\" y1=\"").append(y1)
          .append("\" x2=\"").append(x2).append("\" y2=\"").append(y2).append("\" stroke=\"").append(e.broken() ? "#cf222e" : "#57606a")
          .append('"').append(e.broken() ? " stroke-dasharray=\"5 3\"" : "").append("><title>")
          .append(HtmlText.esc(e.from() + " " + e.kind() + " " + e.to())).append("</title></line>");
      b.append(arrowhead(x1, y1, x2, y2, e.broken() ? "#cf222e" : "#57606a")).append('\n');
    }
    for (String n : nodes) {
      int[] p = at.get(n);
      boolean broken = !n.equals("you") && !n.contains("/");
      String label = broken ? n + " (no Service)" : n;
      String href = anchor.get(n);
      if (href != null) b.append("<a href=\"#").append(href).append("\">");
      b.append("<g class=\"node").append(broken ? " broken" : "").append("\" data-ref=\"").append(HtmlText.esc(n)).append("\">")
          .append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(W).append("\" height=\"")
          .append(H).append("\" rx=\"4\" fill=\"").append(broken ? "#ffebe9" : fill(n)).append("\" stroke=\"")
          .append(broken ? "#cf222e" : "#8c959f").append("\"/><text x=\"").append(p[0] + 6).append("\" y=\"").append(p[1] + 16)
          .append("\" font-family=\"monospace\" font-size=\"11\">").append(HtmlText.esc(label.length() > 31 ? label.substring(0, 30) + "…" : label))
          .append("</text><title>").append(HtmlText.esc(label)).append("</title></g>");
      if (href != null) b.append("</a>");
      b.append('\n');
    }
    return b.append("</svg>\n").toString();
  }

  /** A small filled triangle at (x2, y2) pointing along the edge (drawn, not a marker: no url() references). */
  private static String arrowhead(int x1, int y1, int x2, int y2, String color) {
    double a = StrictMath.atan2(y2 - y1, x2 - x1);
    double l = 8;
    double w = 0.45;
    long ax = Math.round(x2 - l * StrictMath.cos(a - w));
    long ay = Math.round(y2 - l * StrictMath.sin(a - w));
    long bx = Math.round(x2 - l * StrictMath.cos(a + w));
    long by = Math.round(y2 - l * StrictMath.sin(a + w));
    return "<polygon points=\"" + x2 + "," + y2 + " " + ax + "," + ay + " " + bx + "," + by + "\" fill=\"" + color + "\"/>";
  }

  private static String fill(String ref) {
    String kind = ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : "";
    return switch (kind) {
      case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob" -> "#dafbe1";
      case "Service", "Ingress" -> "#ddf4ff";
      case "Secret", "ConfigMap" -> "#fbefff";
      case "PersistentVolumeClaim" -> "#fff8c5";
      default -> "#f6f8fa";
    };
  }
}
