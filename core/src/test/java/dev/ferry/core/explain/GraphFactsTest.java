package dev.ferry.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.provenance.Origin;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.testing.Golden;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The graph and the healthcheck note read typed objects ({@link GraphFacts}, {@link DerivedNotes#container})
 * instead of a Jackson tree of each object: on every object of every convert case they read what
 * the emitted manifest (the pruned tree, read here as the graph read it before) shows.
 */
class GraphFactsTest {
  @TestFactory
  Stream<DynamicTest> typedReadsAgreeWithTheEmittedTree() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(Golden.repoRoot().resolve("testdata/convert"))) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(dirs.size() >= 10);
    return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
      int workloads = 0;
      for (HasMetadata o : Cases.convert(d).translation().objects()) {
        JsonNode tree = ManifestWriter.tree(o);
        assertEquals(reference(tree), actual(GraphFacts.of(o)), () -> o.getKind() + "/" + o.getMetadata().getName());
        workloads += containers(o, tree);
      }
      assertTrue(workloads > 0 || d.getFileName().toString().contains("no-workload"), "no container checked in " + d);
    }));
  }

  /** Each container path of a workload finds the container whose probes the tree shows; other paths find none. */
  private static int containers(HasMetadata o, JsonNode tree) {
    JsonNode spec = tree.path("spec");
    String prefix = "spec.";
    if (spec.has("jobTemplate")) {
      spec = spec.path("jobTemplate").path("spec");
      prefix = "spec.jobTemplate.spec.";
    }
    JsonNode pod = spec.path("template").path("spec");
    int n = 0;
    for (String list : List.of("containers", "initContainers")) {
      for (int i = 0; i < pod.path(list).size(); i++) {
        String at = prefix + "template.spec." + list + "[" + i + "]";
        JsonNode c = Origin.at(tree, ModelPath.parse(at));
        Container typed = DerivedNotes.container(o, at);
        assertNotNull(typed, at);
        assertEquals(c.get("readinessProbe"), ManifestWriter.part(typed.getReadinessProbe()), at);
        assertEquals(c.get("livenessProbe"), ManifestWriter.part(typed.getLivenessProbe()), at);
        assertEquals(c.path("name").asString(), typed.getName(), at);
        n++;
      }
      assertNull(DerivedNotes.container(o, prefix + "template.spec." + list + "[" + pod.path(list).size() + "]"));
    }
    assertNull(DerivedNotes.container(o, prefix + "template.spec.volumes[0]"));
    assertNull(DerivedNotes.container(o, "metadata"));
    return n;
  }

  /** The facts as compared: maps as maps, a ConfigMap's values sorted (their order is not read). */
  private static List<Object> actual(GraphFacts f) {
    List<String> data = new ArrayList<>(f.data());
    data.sort(null);
    return List.of(f.labels(), f.selector(), String.valueOf(f.type()), f.backends(), data, f.podLabels(), f.text(),
        List.copyOf(f.uses()));
  }

  /** What the graph read from an object's pruned tree before it read typed objects. */
  private static List<Object> reference(JsonNode j) {
    String kind = j.path("kind").asString();
    Map<String, String> selector = kind.equals("Service") ? strings(j.path("spec").path("selector"))
        : kind.equals("PodDisruptionBudget") ? strings(j.path("spec").path("selector").path("matchLabels")) : Map.of();
    String type = j.path("kind").asString().equals("Service") ? j.path("spec").path("type").asString(null) : null;
    List<String> backends = new ArrayList<>();
    if (j.path("kind").asString().equals("Ingress")) {
      for (JsonNode rule : j.path("spec").path("rules")) {
        for (JsonNode p : rule.path("http").path("paths")) {
          String svc = p.path("backend").path("service").path("name").asString("");
          if (!svc.isEmpty()) backends.add(svc);
        }
      }
    }
    List<String> data = new ArrayList<>();
    if (j.path("kind").asString().equals("ConfigMap")) j.path("data").forEach(d -> data.add(d.asString()));
    data.sort(null);
    JsonNode spec = j.path("spec");
    if (spec.has("jobTemplate")) spec = spec.path("jobTemplate").path("spec");
    JsonNode pod = spec.path("template").path("spec");
    boolean workload = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").contains(j.path("kind").asString());
    StringBuilder text = new StringBuilder();
    Set<String> uses = new LinkedHashSet<>();
    if (workload) {
      List<JsonNode> cs = new ArrayList<>();
      pod.path("containers").forEach(cs::add);
      pod.path("initContainers").forEach(cs::add);
      for (JsonNode c : cs) {
        for (JsonNode env : c.path("env")) text.append(' ').append(env.path("value").asString(""));
        c.path("command").forEach(w -> text.append(' ').append(w.asString()));
        c.path("args").forEach(w -> text.append(' ').append(w.asString()));
      }
      for (JsonNode v : pod.path("volumes")) {
        if (v.has("persistentVolumeClaim")) uses.add("PersistentVolumeClaim/" + v.get("persistentVolumeClaim").path("claimName").asString());
        if (v.has("configMap")) uses.add("ConfigMap/" + v.get("configMap").path("name").asString());
        if (v.has("secret")) uses.add("Secret/" + v.get("secret").path("secretName").asString());
      }
      for (JsonNode c : cs) {
        for (JsonNode ef : c.path("envFrom")) {
          if (ef.has("configMapRef")) uses.add("ConfigMap/" + ef.get("configMapRef").path("name").asString());
          if (ef.has("secretRef")) uses.add("Secret/" + ef.get("secretRef").path("name").asString());
        }
        for (JsonNode env : c.path("env")) {
          JsonNode ref = env.path("valueFrom");
          if (ref.has("secretKeyRef")) uses.add("Secret/" + ref.get("secretKeyRef").path("name").asString());
          if (ref.has("configMapKeyRef")) uses.add("ConfigMap/" + ref.get("configMapKeyRef").path("name").asString());
        }
      }
    }
    Map<String, String> podLabels = workload ? strings(spec.path("template").path("metadata").path("labels")) : Map.of();
    return List.of(strings(j.path("metadata").path("labels")), selector, String.valueOf(type), backends, data, podLabels,
        text.toString(), List.copyOf(uses));
  }

  private static Map<String, String> strings(JsonNode m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    return out;
  }
}
