package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOptions;
import java.util.List;
import java.util.Locale;

/** Services not in alphabetical order. dclint's {@code services-alphabetical-order}. */
@RuleInfo(
    id = "services-order",
    summary = "Services are not in alphabetical order.",
    remediation = "Sort the services by name (ferry lint --fix moves them, comments included).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true)
public final class ServicesOrder extends OrderRule {
  @Override
  List<Group> groups(MapNode file, RuleOptions options) {
    if (!(file.get("services") instanceof MapNode services)) return List.of();
    return List.of(mapGroup(services, null, e -> e.key().toLowerCase(Locale.ROOT) + "\0" + e.key()));
  }

  @Override
  String message(Item item, Item before, Group g) {
    return "service \"" + item.label() + "\" should come before \"" + before.label() + "\" (alphabetical order)";
  }
}
