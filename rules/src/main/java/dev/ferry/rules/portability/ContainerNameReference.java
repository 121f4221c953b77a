package dev.ferry.rules.portability;

import dev.ferry.core.knowledge.HostReferences;
import dev.ferry.core.knowledge.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * An environment value that reaches another service by its {@code container_name} rather than its
 * service name ({@code DB_HOST=my-postgres} where {@code db} has {@code container_name: my-postgres}).
 * Docker's DNS resolves container names; on Kubernetes ferry gives a container name that is a DNS
 * label a Service of its own (like a network alias); one that is not (underscores, dots) stops resolving.
 */
@RuleInfo(
    id = "container-name-reference",
    summary = "A service reaches another by a container_name that cannot be a Kubernetes Service name.",
    remediation = "Use the service name as host name (it resolves in compose too), or rename the service to the"
        + " container name.",
    severity = Severity.WARNING,
    category = Category.PORTABILITY)
public final class ContainerNameReference implements Rule {
  private static boolean isAlias(Service t, String name) {
    for (var n : t.networking().networks().values()) for (String a : n.aliases()) if (HostReferences.names(a, name)) return true;
    return false;
  }

  @Override
  public void check(RuleContext ctx) {
    // The services a container name can mislead to, by lower-cased container name, in source order:
    // a reference is then looked up by its host instead of compared with every service.
    List<Service> targets = new ArrayList<>();
    Map<String, List<Integer>> byName = new HashMap<>();
    for (Service t : ctx.services()) {
      String cn = t.identity().containerName();
      if (cn == null || cn.isEmpty() || HostReferences.names(cn, t.name())) continue;
      if (isAlias(t, cn)) continue; // also a network alias: the network-alias rule says what happens
      // a DNS-label container_name gets a Service of its own (an alias, reported as network-alias)
      if (Naming.isLabel(cn.toLowerCase(Locale.ROOT))) continue;
      byName.computeIfAbsent(cn.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(targets.size());
      targets.add(t);
    }
    if (targets.isEmpty()) return;
    for (Service s : ctx.services()) {
      for (HostReferences.Ref r : HostReferences.of(ctx.project(), s)) {
        if (ctx.project().service(r.host()) != null) continue; // also a service name: it resolves
        String h = r.host().toLowerCase(Locale.ROOT);
        int first = first(targets, r.host(), byName.get(h), Integer.MAX_VALUE);
        if (h.endsWith(".")) first = first(targets, r.host(), byName.get(h.substring(0, h.length() - 1)), first);
        if (first == Integer.MAX_VALUE) continue;
        Service t = targets.get(first);
        String cn = t.identity().containerName();
        ctx.report(r.path(), s.name(), "service \"" + s.name() + "\" reaches \"" + t.name() + "\" by its container"
            + " name \"" + cn + "\" in " + r.key() + ": on Kubernetes only the Service \"" + t.name()
            + "\" exists, so \"" + cn + "\" does not resolve");
      }
    }
  }

  private static int first(List<Service> targets, String host, List<Integer> candidates, int best) {
    if (candidates == null) return best;
    for (int i : candidates) if (i < best && HostReferences.names(host, targets.get(i).identity().containerName())) best = i;
    return best;
  }
}
