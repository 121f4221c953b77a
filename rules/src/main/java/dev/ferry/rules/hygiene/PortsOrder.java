package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's ports not in ascending order (by the host port when published, else the container
 * port; short and long syntax alike). dclint's {@code service-ports-alphabetical-order}, but
 * numeric: 8080 comes after 443.
 */
@RuleInfo(
    id = "ports-order",
    summary = "The ports of a service are not in ascending order.",
    remediation = "Sort ports by host port, then container port (ferry lint --fix does it).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true)
public final class PortsOrder extends OrderRule {
  private static final Pattern NUM = Pattern.compile("(\\d+)");

  @Override
  List<Group> groups(MapNode file, RuleOptions options) {
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, MapNode> svc : services(file)) {
      if (svc.getValue().get("ports") instanceof SeqNode s) {
        out.add(seqGroup(s, svc.getKey(), PortsOrder::label, PortsOrder::key));
      }
    }
    return out;
  }

  static String label(Node n) {
    if (n instanceof ScalarNode s) return s.text();
    if (n instanceof MapNode m) {
      String p = m.getString("published");
      return (p == null ? "" : p + ":") + m.getString("target");
    }
    return "?";
  }

  /** Host port (or the container port when none), then container port, zero-padded. */
  static String key(Node n) {
    String host = null;
    String target = null;
    if (n instanceof ScalarNode s) {
      String t = s.text();
      int slash = t.indexOf('/');
      if (slash >= 0) t = t.substring(0, slash);
      int colon = t.lastIndexOf(':');
      target = colon < 0 ? t : t.substring(colon + 1);
      if (colon >= 0) {
        String left = t.substring(0, colon);
        int c2 = left.lastIndexOf(':');
        host = c2 < 0 ? left : left.substring(c2 + 1);
      }
    } else if (n instanceof MapNode m) {
      host = m.getString("published");
      target = m.getString("target");
    }
    long h = first(host != null && !host.isEmpty() ? host : target);
    long c = first(target);
    return padded(h) + padded(c);
  }

  private static long first(String s) {
    if (s == null) return 0;
    Matcher m = NUM.matcher(s);
    return m.find() ? Long.parseLong(m.group(1).length() > 11 ? "0" : m.group(1)) : 0;
  }

  @Override
  String message(Item item, Item before, Group g) {
    return "port \"" + item.label() + "\" should come before \"" + before.label() + "\" in service \"" + g.service() + "\"";
  }
}
