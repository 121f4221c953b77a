package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import dev.ferry.rules.api.RuleOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-level keys out of the conventional order (version, name, include, services, networks,
 * volumes, secrets, configs). dclint's {@code top-level-properties-order}. Extension keys
 * ({@code x-...}) may stand anywhere: they often hold anchors, which must precede their aliases.
 */
@RuleInfo(
    id = "top-level-order",
    summary = "Top-level keys are not in the order version, name, include, services, networks, volumes, secrets, configs.",
    remediation = "Reorder the top-level sections (ferry lint --fix does it).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true,
    options = @RuleOption(name = "order", type = OptionType.STRING_LIST,
        defaultValue = "version, name, include, services, networks, volumes, secrets, configs",
        description = "The top-level keys in the order they must come; keys not listed travel with the key before them."))
public final class TopLevelOrder extends OrderRule {

  @Override
  List<Group> groups(MapNode file, RuleOptions options) {
    List<String> o = options.list("order");
    Group g = mapGroup(file, null, e -> null);
    // extension keys travel with the key before them, so they are never reported nor separated
    List<Item> items = new ArrayList<>();
    String last = OrderRule.padded(0);
    for (Item it : g.items()) {
      int i = o.indexOf(it.label());
      if (i >= 0) last = OrderRule.padded(i);
      items.add(new Item(it.label(), it.position(), last));
    }
    return List.of(new Group(items, false, null, g.fixable()));
  }

  @Override
  String message(Item item, Item before, Group g) {
    return "top-level \"" + item.label() + "\" should come before \"" + before.label() + "\"";
  }
}
