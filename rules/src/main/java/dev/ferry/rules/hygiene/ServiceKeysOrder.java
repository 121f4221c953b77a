package dev.ferry.rules.hygiene;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keys of a service out of the conventional group order (dclint's {@code service-keys-order},
 * same groups): identity (image, build, container_name), dependencies, data (volumes,
 * volumes_from, configs, secrets), environment (environment, env_file), networking (ports,
 * networks, network_mode, extra_hosts), runtime (command, entrypoint, working_dir, restart,
 * healthcheck), metadata (logging, labels), execution context (user, isolation). Keys in no group
 * stay with the key before them; order within a group is free.
 */
@RuleInfo(
    id = "service-keys-order",
    summary = "The keys of a service are not in the conventional group order.",
    remediation = "Order keys: image/build/container_name, depends_on, volumes/configs/secrets, environment/env_file,"
        + " ports/networks, command/entrypoint/working_dir/restart/healthcheck, logging/labels, user"
        + " (ferry lint --fix does it).",
    severity = Severity.INFO,
    category = Category.HYGIENE,
    fixable = true)
public final class ServiceKeysOrder extends OrderRule {
  static final List<List<String>> GROUPS = List.of(
      List.of("image", "build", "container_name"),
      List.of("depends_on"),
      List.of("volumes", "volumes_from", "configs", "secrets"),
      List.of("environment", "env_file"),
      List.of("ports", "networks", "network_mode", "extra_hosts"),
      List.of("command", "entrypoint", "working_dir", "restart", "healthcheck"),
      List.of("logging", "labels"),
      List.of("user", "isolation"));

  static final List<String> GROUP_NAMES = List.of("identity", "dependencies", "data", "environment", "networking",
      "runtime", "metadata", "execution context");

  @Override
  List<Group> groups(MapNode file, RuleOptions options) {
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, MapNode> svc : services(file)) {
      Group g = mapGroup(svc.getValue(), svc.getKey(), e -> null);
      List<Item> items = new ArrayList<>();
      String last = OrderRule.padded(0);
      for (Item it : g.items()) {
        int grp = group(it.label());
        if (grp >= 0) last = OrderRule.padded(grp);
        items.add(new Item(it.label(), it.position(), last));
      }
      out.add(new Group(items, false, svc.getKey(), g.fixable()));
    }
    return out;
  }

  static int group(String key) {
    for (int i = 0; i < GROUPS.size(); i++) if (GROUPS.get(i).contains(key)) return i;
    return -1;
  }

  @Override
  String message(Item item, Item before, Group g) {
    return "\"" + item.label() + "\" (" + GROUP_NAMES.get(Integer.parseInt(item.key())) + ") should come before \""
        + before.label() + "\" (" + GROUP_NAMES.get(Integer.parseInt(before.key())) + ") in service \"" + g.service() + "\"";
  }
}
