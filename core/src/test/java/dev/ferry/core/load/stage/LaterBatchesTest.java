package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The stages after merging (strip tags, profiles, canonicalise, bind, consistency) do the services
 * of a large project in batches on every core: the tree, the project and the diagnostics, in their
 * order, must be those of doing the services one after the other.
 */
class LaterBatchesTest {
  /** What the stages give: the canonical tree, the project and every diagnostic in order. */
  private record Result(MapNode tree, Project project, List<Diagnostic> diags) {}

  private static final Bind.Files NO_FILES = new Bind.Files() {
    @Override
    public Map<String, String> envFile(String path) {
      return null;
    }

    @Override
    public String read(String path) {
      return null;
    }

    @Override
    public String env(String name) {
      return null;
    }

    @Override
    public boolean strict() {
      return false;
    }
  };

  private static Result stages(MapNode merged, List<String> profiles) {
    Diagnostics d = new Diagnostics();
    MapNode m = Profiles.apply(Merge.stripTags(merged), profiles, d);
    MapNode canonical = Canonicalise.apply(m, Map.of("E", "from-env")::get, d);
    SourceMap map = new SourceMap(Map.of(), Map.of());
    Project p = Bind.project("p", "/w", canonical, List.of("f.yaml"), NO_FILES, d);
    Consistency.check(p, map, d);
    return new Result(canonical, p, d.all());
  }

  private static Result sameAsInOrder(String text, List<String> profiles) {
    Diagnostics parse = new Diagnostics();
    MapNode doc = Parse.composeFile("f.yaml", text.getBytes(StandardCharsets.UTF_8), parse);
    assertEquals(List.of(), parse.all());
    doc = Casts.apply(doc, parse, Interpolate.scalars(k -> null, parse, false));
    MapNode merged = doc;
    Result batched = stages(merged, profiles);
    Result inOrder = ServiceBatches.inOrder((Supplier<Result>) () -> stages(merged, profiles));
    assertEquals(inOrder.tree(), batched.tree());
    assertEquals(inOrder.project(), batched.project());
    assertEquals(inOrder.diags(), batched.diags());
    return batched;
  }

  /** Services with what each stage changes or reports: tags, profiles, short syntax, bad ports, bad references. */
  private static String services(int n, String ports) {
    StringBuilder b = new StringBuilder("services:\n");
    for (int i = 0; i < n; i++) {
      b.append("  s").append(i).append(":\n");
      if (i % 7 != 3) b.append("    image: i").append(i).append('\n');
      b.append("    command: run ").append(i).append(" --x\n");
      b.append("    environment: [A=").append(i).append(", E]\n");
      b.append("    labels: !reset {}\n    dns: !override 1.1.1.").append(i % 250).append('\n');
      b.append("    ports: [").append(ports.replace("N", String.valueOf(1000 + i))).append("]\n");
      if (i % 5 == 1) b.append("    profiles: [p").append(i % 3).append("]\n");
      b.append("    depends_on: [s").append((i + 1) % n).append(", s").append(i + 2 * n).append("]\n");
      b.append("    links: [s").append((i + 5) % n).append(":a]\n");
      b.append("    healthcheck: {test: [\"X").append(i % 2).append("\"], interval: 1s, timeout: 2s}\n");
      b.append("    networks: [n").append(i % 4).append("]\n    volumes: [\"v").append(i % 6).append(":/d\"]\n");
    }
    return b.append("networks:\n  n0:\n  n1: {}\nvolumes:\n  v0:\n").toString();
  }

  @Test
  void batchesGiveTheTreeProjectAndDiagnosticsOfDoingTheServicesInOrder() {
    Result r = sameAsInOrder(services(700, "\"N:80\", \"x-N:1\", {target: 81}"), List.of("p1"));
    assertTrue(r.diags().size() > 2000, "too few diagnostics to tell: " + r.diags().size());
    assertTrue(r.diags().stream().anyMatch(d -> d.message().contains("no active profile")));
    assertTrue(r.diags().stream().anyMatch(d -> d.message().contains("invalid port")));
    sameAsInOrder(services(300, "\"N\""), List.of());
    sameAsInOrder(services(300, "\"N\""), List.of("*"));
  }

  @Test
  void thePortBoundCrossedInsideTheServicesIsReportedWhereItIsInOrder() {
    // 700 services of 200 ports each: 140,000 entries, over the bound of 65,536 (crossed in the middle).
    Result r = sameAsInOrder(services(700, "\"2000-2099:2000-2099\", \"3000-3099\""), List.of());
    assertEquals(1, r.diags().stream().filter(d -> d.message().contains("port entries")).count());
    // 300 services: 60,000 entries, within it.
    Result under = sameAsInOrder(services(300, "\"2000-2099:2000-2099\", \"3000-3099\""), List.of());
    assertTrue(under.diags().stream().noneMatch(d -> d.message().contains("port entries")));
  }
}
