package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.FileRef;
import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks compose itself makes on a loaded project, beyond the schema: references to undefined
 * services, networks, volumes, secrets and configs; service without image or build; network_mode
 * with networks (a {@code provider} service needs neither image nor build); healthcheck test form; dependency cycles.
 */
public final class Consistency {
  private static final String CODE = "schema";

  private Consistency() {}

  public static void check(Project p, SourceMap map, Diagnostics diags) {
    ServiceBatches.map(List.copyOf(p.services().values()), diags, d -> s -> {
      service(s, p, map, d);
      return s;
    });
    cycles(p, map, diags);
  }

  private static void service(Service s, Project p, SourceMap map, Diagnostics d) {
    ModelPath sp = s.path();
    if (s.identity().image() == null && s.identity().build() == null && !s.has("provider")) {
      d.error(CODE, map.position(sp), "service \"" + s.name() + "\" has neither an image nor a build context specified");
    }
    for (DependsOn dep : s.health().dependsOn().values()) {
      if (!p.services().containsKey(dep.service()) && dep.required()) {
        d.error(CODE, map.position(dep.path()), "service \"" + s.name() + "\" depends on undefined service \"" + dep.service() + "\"");
      }
    }
    for (String link : s.networking().links()) {
      String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
      if (!p.services().containsKey(target)) {
        d.error(CODE, map.position(sp.key("links")), "service \"" + s.name() + "\" links to undefined service \"" + target + "\"");
      }
    }
    String other = s.networkService();
    if (other != null) {
      if (!p.services().containsKey(other)) {
        d.error(CODE, map.valuePosition(sp.key("network_mode")),
            "service \"" + s.name() + "\" uses network_mode of undefined service \"" + other + "\"");
      }
    }
    if (s.networking().networkNamespace() != null && !s.networking().networks().isEmpty()) {
      d.error(CODE, map.position(sp.key("network_mode")),
          "service \"" + s.name() + "\" declares network_mode \"" + s.networking().networkNamespace().written() + "\" and networks; they cannot be combined");
    }
    for (String net : s.networking().networks().keySet()) {
      if (!p.networks().containsKey(net) && !net.equals("default")) {
        d.error(CODE, map.position(sp.key("networks").key(net)),
            "service \"" + s.name() + "\" refers to undefined network \"" + net + "\"");
      }
    }
    for (Mount m : s.storage().volumes()) {
      if (m.isNamedVolume() && !p.volumes().containsKey(m.source())) {
        d.error(CODE, map.position(m.path()),
            "service \"" + s.name() + "\" refers to undefined volume \"" + m.source() + "\"");
      }
    }
    refs(s, s.storage().secrets(), p.secrets().keySet(), "secret", map, d);
    refs(s, s.storage().configs(), p.configs().keySet(), "config", map, d);
    Healthcheck h = s.health().healthcheck();
    if (h != null && h.test() != null && !h.test().isEmpty()) {
      String first = h.test().get(0);
      if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
        d.error("healthcheck-invalid", map.position(sp.key("healthcheck").key("test")),
            "healthcheck.test must start with CMD, CMD-SHELL or NONE, got \"" + first + "\"");
      }
    }
    if (h != null && !h.isDisabled() && h.timeout() != null && h.interval() != null
        && h.timeout().compareTo(h.interval()) >= 0) {
      d.warning("healthcheck-invalid", map.position(sp.key("healthcheck").key("timeout")),
          "healthcheck timeout (" + h.timeout().toSeconds() + "s) is not shorter than its interval ("
              + h.interval().toSeconds() + "s): checks overlap, and on Kubernetes a probe's timeoutSeconds"
              + " longer than its periodSeconds means a hung check delays the next one");
    }
  }

  private static void refs(Service s, List<FileRef> refs, Set<String> defined, String what, SourceMap map, Diagnostics d) {
    for (FileRef r : refs) {
      if (!defined.contains(r.source())) {
        d.error(CODE, map.position(r.path()),
            "service \"" + s.name() + "\" refers to undefined " + what + " \"" + r.source() + "\"");
      }
    }
  }

  private static void cycles(Project p, SourceMap map, Diagnostics d) {
    Map<String, Integer> state = new HashMap<>();
    for (String name : p.services().keySet()) visit(name, p, state, new ArrayList<>(), map, d);
  }

  private static void visit(String name, Project p, Map<String, Integer> state, List<String> stack, SourceMap map, Diagnostics d) {
    Integer st = state.get(name);
    if (st != null && st == 2) return;
    Service s = p.service(name);
    if (s == null) return;
    if (st != null && st == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(name), stack.size()));
      cycle.add(name);
      String last = stack.get(stack.size() - 1);
      d.error(CODE, map.position(ModelPath.of("services", last, "depends_on", name)),
          "dependency cycle detected: " + String.join(" -> ", cycle));
      return;
    }
    state.put(name, 1);
    stack.add(name);
    for (String dep : s.health().dependsOn().keySet()) visit(dep, p, state, stack, map, d);
    stack.remove(stack.size() - 1);
    state.put(name, 2);
  }
}
