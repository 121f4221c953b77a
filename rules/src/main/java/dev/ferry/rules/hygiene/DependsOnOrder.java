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

/** {@code depends_on} entries not in alphabetical order. dclint's {@code service-dependencies-alphabetical-order}. */
@RuleInfo(
    id = "depends-on-order",
    summary = "The services in depends_on are not in alphabetical order.",
    remediation = "Sort depends_on by service name (ferry lint --fix does it).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true)
public final class DependsOnOrder extends OrderRule {
  @Override
  List<Group> groups(MapNode file, RuleOptions options) {
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, MapNode> svc : services(file)) {
      Node d = svc.getValue().get("depends_on");
      if (d instanceof SeqNode s) {
        out.add(seqGroup(s, svc.getKey(), DependsOnOrder::text, DependsOnOrder::text));
      } else if (d instanceof MapNode m) {
        out.add(mapGroup(m, svc.getKey(), MapNode.Entry::key));
      }
    }
    return out;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.text() : "";
  }

  @Override
  String message(Item item, Item before, Group g) {
    return "depends_on \"" + item.label() + "\" should come before \"" + before.label() + "\" in service \"" + g.service() + "\"";
  }
}
