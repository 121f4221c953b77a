package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaProof} lets the schema check skip the full validation of a document it proves
 * valid: it must never call valid a document the full validation reports anything about.
 */
class SchemaProofTest {
  private static final Position P = Position.of("f.yaml", 1, 1);

  /** Whether the proof called {@code doc} valid; fails when it did so and the full validation reports. */
  private static boolean sound(MapNode doc) {
    boolean proved = SchemaProof.valid(doc);
    if (proved) assertEquals(List.of(), SchemaCheck.fully(doc), () -> "proved valid but the schema reports, " + doc);
    return proved;
  }

  private static MapNode load(String text) {
    return load(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MapNode load(byte[] bytes) {
    Diagnostics diags = new Diagnostics();
    MapNode doc = Parse.composeFile("f.yaml", bytes, diags);
    return doc == null ? null : Casts.apply(doc, diags, Interpolate.scalars(k -> null, diags, false));
  }

  @Test
  void aTypicalFileIsProvedValidAndMistakesAreLeftToTheFullCheck() {
    String svc = """
        name: bench
        x-common: &common
          restart: unless-stopped
          labels:
            tier: bench
        services:
          svc0:
            <<: *common
            image: registry.example.com/team/app0:1.0.0
            ports:
              - "10000:8080"
            environment:
              LOG_LEVEL: ${LOG_LEVEL:-info}
            healthcheck:
              test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
              interval: 10s
              retries: 3
            deploy:
              resources:
                limits: {cpus: "0.25", memory: 128M}
            volumes:
              - data0:/var/lib/app
            depends_on:
              svc1:
                condition: service_healthy
          svc1:
            image: x
        volumes:
          data0: {}
        """;
    assertTrue(sound(load(svc)));
    for (String bad : List.of(svc.replace("retries: 3", "retries: {a: 1}"), svc.replace("image: x", "imag: x"),
        svc.replace("service_healthy", "service_happy"), svc.replace("- \"10000:8080\"", "- [1]"),
        svc.replace("interval: 10s", "interval: 10s\n      interval2: 1"), svc.replace("data0: {}", "data0: 3"),
        svc.replace("name: bench", "name: [bench]"), svc.replace("      - data0:/var/lib/app", "      - a\n      - a"))) {
      MapNode doc = load(bad);
      assertTrue(doc != null, () -> "does not parse: " + bad);
      assertFalse(sound(doc), () -> "proved valid: " + bad);
      assertFalse(SchemaCheck.fully(doc).isEmpty(), () -> "the full check found nothing in " + bad);
    }
  }

  @Test
  void neverHidesAnErrorInTheTestData() throws IOException {
    int proved = 0;
    try (Stream<Path> files = Files.walk(Path.of("..", "testdata"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f) || !name.contains("compose") || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
          continue;
        }
        MapNode doc = load(Files.readAllBytes(f));
        if (doc != null && sound(doc)) proved++;
      }
    }
    assertTrue(proved > 50, "only " + proved + " test-data compose files were proved valid");
  }

  private static final String[] KEYS = {"image", "build", "ports", "environment", "command", "healthcheck", "deploy",
      "volumes", "depends_on", "restart", "labels", "networks", "x-a", "bogus", "user", "cpus", "mem_limit", "expose",
      "cap_add", "privileged", "pull_policy", "secrets", "configs", "ulimits", "logging", "extends", "profiles",
      "entrypoint", "env_file", "init", "scale", "tmpfs", "dns", "extra_hosts", "devices", "gpus", "models", "post_start",
      "develop", "test", "interval", "retries", "target", "published", "mode", "condition", "resources", "limits",
      "memory", "replicas", "type", "source", "context", "dockerfile", "args", "driver", "external", "name",
      "required", "soft", "hard", "nofile", "watch", "action", "path", "service", "file", "ipv4_address", "aliases"};
  private static final String[] TEXTS = {"10s", "1.5", "always", "no", "unless-stopped", "CMD", "x", "80:80", "a\nb",
      "", "service_healthy", "bind", "volume", "host", "rebuild", "sync", "missing", "daily", "every_2d", "0.5", "1g"};

  private static Node value(FuzzedDataProvider d, int depth) {
    switch (d.consumeInt(0, depth > 3 ? 5 : 7)) {
      case 0 -> {
        return new ScalarNode(TEXTS[d.consumeInt(0, TEXTS.length - 1)], ScalarNode.Kind.STRING, d.consumeBoolean(), P, null);
      }
      case 1 -> {
        return ScalarNode.ofInt(d.consumeInt(-5, 70000), P);
      }
      case 2 -> {
        return new ScalarNode(d.pickValue(List.of("1.5", "0.0", "2.0", "-1.25")), ScalarNode.Kind.FLOAT, false, P, null);
      }
      case 3 -> {
        return ScalarNode.ofBool(d.consumeBoolean(), P);
      }
      case 4 -> {
        return ScalarNode.ofNull(P);
      }
      case 5 -> {
        return new ScalarNode(TEXTS[d.consumeInt(0, TEXTS.length - 1)], ScalarNode.Kind.STRING, false, P,
            d.consumeBoolean() ? null : d.pickValue(List.of("!reset", "!override")));
      }
      case 6 -> {
        return map(d, depth + 1);
      }
      default -> {
        List<Node> items = new ArrayList<>();
        int n = d.consumeInt(0, 3);
        for (int i = 0; i < n; i++) items.add(value(d, depth + 1));
        return SeqNode.of(items, P);
      }
    }
  }

  private static MapNode map(FuzzedDataProvider d, int depth) {
    List<MapNode.Entry> es = new ArrayList<>();
    int n = d.consumeInt(0, 5);
    for (int i = 0; i < n; i++) es.add(new MapNode.Entry(KEYS[d.consumeInt(0, KEYS.length - 1)], P, value(d, depth)));
    return MapNode.of(es, P);
  }

  /** Structure-aware: services, volumes and networks made of compose keys and values of every kind. */
  @FuzzTest(maxDuration = "20s")
  void neverHidesAnErrorTheFullCheckReports(FuzzedDataProvider d) {
    List<MapNode.Entry> top = new ArrayList<>();
    top.add(new MapNode.Entry("services", P, MapNode.of(List.of(new MapNode.Entry("s", P, map(d, 1)),
        new MapNode.Entry("t", P, MapNode.of(List.of(new MapNode.Entry("image", P, ScalarNode.string("i", P))), P))), P)));
    if (d.consumeBoolean()) top.add(new MapNode.Entry("volumes", P, map(d, 2)));
    if (d.consumeBoolean()) top.add(new MapNode.Entry("networks", P, map(d, 2)));
    sound(MapNode.of(top, P));
  }
}
