package dev.ferry.core.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.emit.Yaml;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.testing.Helm;
import dev.ferry.core.testing.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chart invariants, checked with real Helm 3 and Helm 4 (installed by scripts/install-helm.sh;
 * these tests fail, never skip, without it): for every conversion case the chart passes
 * {@code helm lint --strict} and {@code helm template} with default values renders exactly the
 * convert output (Helm's labels aside); overrides render valid objects with the intended effect; the
 * schema rejects wrongly typed values.
 */
class ChartHelmTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
      Map.entry("Deployment", Deployment.class), Map.entry("StatefulSet", StatefulSet.class),
      Map.entry("DaemonSet", DaemonSet.class), Map.entry("Job", Job.class), Map.entry("CronJob", CronJob.class),
      Map.entry("Service", Service.class), Map.entry("ConfigMap", ConfigMap.class), Map.entry("Secret", Secret.class),
      Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class), Map.entry("ServiceAccount", ServiceAccount.class),
      Map.entry("Role", Role.class), Map.entry("RoleBinding", RoleBinding.class), Map.entry("Ingress", Ingress.class),
      Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class), Map.entry("NetworkPolicy", NetworkPolicy.class),
      Map.entry("PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class));

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> defaultRenderEqualsConvert() throws IOException {
    List<Path> cases = Cases.all();
    assertTrue(cases.size() >= 10);
    return cases.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
      Cases.Converted c = Cases.convert(d);
      Path chart = write(c, tmp.resolve(d.getFileName().toString()));
      Map<String, JsonNode> expected = new TreeMap<>();
      for (HasMetadata o : c.translation().objects()) expected.put(id(o.getKind(), o.getMetadata().getName()), normal(ManifestWriter.tree(o)));
      for (int major : new int[] {3, 4}) {
        Helm.Run lint = Helm.run(major, "lint", "--strict", chart.toString());
        assertEquals(0, lint.code(), () -> "helm " + major + " lint --strict: " + lint.out() + lint.err());
        Map<String, JsonNode> got = new TreeMap<>();
        for (JsonNode n : render(major, chart)) got.put(id(n.path("kind").asString(), n.path("metadata").path("name").asString()), n);
        assertEquals(expected.keySet(), got.keySet(), "helm " + major + ": objects rendered by default");
        for (String k : expected.keySet()) {
          assertEquals(strip(expected.get(k)), strip(got.get(k)), "helm " + major + ": " + k + " differs from convert");
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyServiceCanBeSwitchedOff() throws IOException {
    return Cases.all().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
      Cases.Converted c = Cases.convert(d);
      Path chart = write(c, tmp.resolve("off-" + d.getFileName()));
      for (String svc : new ChartOwnership(c.load().project(), c.load().sourceMap(), c.translation(), "x").workloads.keySet()) {
        List<HasMetadata> objs = valid(4, chart, "--set", "services." + svc + ".enabled=false");
        assertTrue(objs.stream().noneMatch(o -> svc.equals(o.getMetadata().getLabels().get("app.kubernetes.io/name"))
            && !o.getKind().equals("PersistentVolumeClaim")), svc + " left objects behind");
      }
    }));
  }

  @Test
  void replicasImageTagAndDisabledService() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("celery")), tmp.resolve("celery"));
    for (int major : new int[] {3, 4}) {
      List<HasMetadata> objs = valid(major, chart, "--set", "services.worker.replicas=4", "--set", "services.web.image.tag=2.0.0",
          "--set", "services.migrate.enabled=false");
      Deployment worker = (Deployment) find(objs, "Deployment", "worker");
      assertEquals(4, worker.getSpec().getReplicas());
      Deployment web = (Deployment) find(objs, "Deployment", "web");
      assertEquals("ghcr.io/example/tasks:2.0.0", web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
      assertEquals(null, find(objs, "Job", "migrate"));
      assertEquals(null, find(objs, "Secret", "migrate-env"));
      assertEquals(null, find(objs, "ConfigMap", "migrate-env"));
      assertTrue(web.getSpec().getTemplate().getSpec().getInitContainers().stream().noneMatch(c -> c.getName().equals("wait-for-migrate")),
          "no wait for a disabled service");
    }
  }

  @Test
  void ingressWithAHost() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("celery")), tmp.resolve("celery"));
    for (int major : new int[] {3, 4}) {
      List<HasMetadata> objs = valid(major, chart, "--set", "services.web.ingress.enabled=true",
          "--set", "services.web.ingress.host=tasks.example.com", "--set", "services.web.ingress.className=nginx");
      Ingress in = (Ingress) find(objs, "Ingress", "web");
      assertEquals("tasks.example.com", in.getSpec().getRules().get(0).getHost());
      assertEquals("nginx", in.getSpec().getIngressClassName());
      assertEquals("web", in.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
      assertEquals(8000, in.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getPort().getNumber());
    }
  }

  @Test
  void persistenceDisabledMountsEmptyDirs() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("storage")), tmp.resolve("storage"));
    for (int major : new int[] {3, 4}) {
      List<HasMetadata> objs = valid(major, chart, "--set", "services.app.persistence.shared.enabled=false");
      assertEquals(null, find(objs, "PersistentVolumeClaim", "shared"));
      for (String svc : List.of("app", "indexer")) {
        Deployment d = (Deployment) find(objs, "Deployment", svc);
        assertTrue(d.getSpec().getTemplate().getSpec().getVolumes().stream()
            .noneMatch(v -> v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName().equals("shared")), svc);
        assertTrue(d.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null), svc);
      }
      List<HasMetadata> sized = valid(major, chart, "--set", "services.app.persistence.shared.size=5Gi",
          "--set", "services.app.persistence.shared.storageClass=fast");
      PersistentVolumeClaim pvc = (PersistentVolumeClaim) find(sized, "PersistentVolumeClaim", "shared");
      assertEquals("5Gi", pvc.getSpec().getResources().getRequests().get("storage").toString());
      assertEquals("fast", pvc.getSpec().getStorageClassName());
    }
  }

  @Test
  void namePrefixAndExistingSecret() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("celery")), tmp.resolve("celery"));
    for (int major : new int[] {3, 4}) {
      List<HasMetadata> objs = valid(major, chart, "--set", "namePrefix=blue-", "--set", "secrets.web-env.existingSecret=prod-web");
      for (HasMetadata o : objs) assertTrue(o.getMetadata().getName().startsWith("blue-"), o.getMetadata().getName());
      assertEquals(null, find(objs, "Secret", "blue-web-env"));
      Deployment web = (Deployment) find(objs, "Deployment", "blue-web");
      assertEquals("r", web.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/instance"));
      assertTrue(web.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().stream()
          .anyMatch(e -> e.getSecretRef() != null && e.getSecretRef().getName().equals("prod-web")));
      assertTrue(web.getSpec().getTemplate().getSpec().getInitContainers().stream()
          .anyMatch(c -> c.getCommand().toString().contains("job/blue-migrate")), "dependency waits follow the prefix");
      assertEquals("blue-tasks-job-waiter", web.getSpec().getTemplate().getSpec().getServiceAccountName());
    }
  }

  @Test
  void schemaRejectsWrongTypes() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("celery")), tmp.resolve("celery"));
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "services:\n  worker:\n    replicas: \"three\"\n");
    for (int major : new int[] {3, 4}) {
      Helm.Run r = Helm.run(major, "template", "r", chart.toString(), "-f", bad.toString());
      assertNotEquals(0, r.code(), "a string for replicas must be rejected");
      assertTrue(r.err().contains("replicas"), r.err());
      Helm.Run typo = Helm.run(major, "template", "r", chart.toString(), "--set", "services.web.replica=2");
      assertNotEquals(0, typo.code(), "an unknown key must be rejected");
      Helm.Run abc = Helm.run(major, "template", "r", chart.toString(), "--set", "services.web.replicas=abc");
      assertNotEquals(0, abc.code());
      assertTrue(abc.err().contains("replicas"), abc.err());
    }
  }

  /** What services share is in the schema's definitions: Helm follows the $refs and a service's own volume names. */
  @Test
  void schemaDefinitionsAreFollowed() throws IOException {
    Path chart = write(Cases.convert(Cases.DIR.resolve("storage")), tmp.resolve("storage"));
    for (int major : new int[] {3, 4}) {
      Helm.Run lint = Helm.run(major, "lint", "--strict", chart.toString(), "--set", "services.app.persistence.shared.enabled=false");
      assertEquals(0, lint.code(), () -> "helm " + major + " lint --strict: " + lint.out() + lint.err());
      for (String bad : List.of("services.app.persistence.shared.size=lots", "services.app.persistence.sahred.enabled=false",
          "services.indexer.persistence.src.enabled=false", "services.indexer.replica=2", "services.app.image.pullPolicy=Sometimes")) {
        Helm.Run r = Helm.run(major, "template", "r", chart.toString(), "--set", bad);
        assertNotEquals(0, r.code(), () -> "helm " + major + " accepted " + bad + ": " + r.out());
        assertTrue(r.err().contains("schema"), () -> "helm " + major + " " + bad + ": " + r.err());
      }
    }
  }

  static Path write(Cases.Converted c, Path dir) throws IOException {
    Map<String, String> files = ChartWriter.write(c.load().project(), c.load().sourceMap(), c.translation(), ChartWriter.Options.defaults());
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    return dir;
  }

  /** Renders with overrides, checks every object with the client models, and returns them. */
  private static List<HasMetadata> valid(int major, Path chart, String... args) {
    List<String> a = new ArrayList<>(List.of("template", "r", chart.toString()));
    a.addAll(List.of(args));
    Helm.Run r = Helm.run(major, a.toArray(String[]::new));
    assertEquals(0, r.code(), () -> "helm " + major + " template " + String.join(" ", args) + ": " + r.err());
    List<HasMetadata> objs = new ArrayList<>();
    for (JsonNode n : docs(r.out())) {
      Class<? extends HasMetadata> cls = KINDS.get(n.path("kind").asString());
      assertTrue(cls != null, "unexpected kind " + n.path("kind"));
      objs.add(Yaml.mapper().treeToValue(n, cls));
    }
    assertEquals(List.of(), Manifests.problems(objs), "helm " + major + " " + String.join(" ", args));
    return objs;
  }

  private static List<JsonNode> render(int major, Path chart) {
    Helm.Run r = Helm.run(major, "template", "r", chart.toString());
    assertEquals(0, r.code(), () -> "helm " + major + " template: " + r.err());
    return docs(r.out());
  }

  private static List<JsonNode> docs(String yaml) {
    List<JsonNode> out = new ArrayList<>();
    for (Object d : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (d != null) out.add(normal(JSON.valueToTree(d)));
    }
    return out;
  }

  private static JsonNode normal(JsonNode n) {
    return JSON.readTree(JSON.writeValueAsString(n));
  }

  private static HasMetadata find(List<HasMetadata> objs, String kind, String name) {
    return objs.stream().filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name)).findFirst().orElse(null);
  }

  private static String id(String kind, String name) {
    return kind + "/" + name;
  }

  /** Drops the labels Helm manages (as the corpus check does) from metadata and Pod templates. */
  private static JsonNode strip(JsonNode n) {
    JsonNode c = n.deepCopy();
    List<JsonNode> metas = List.of(c.path("metadata"), c.path("spec").path("template").path("metadata"),
        c.path("spec").path("jobTemplate").path("spec").path("template").path("metadata"));
    for (JsonNode m : metas) {
      if (!(m instanceof ObjectNode mo)) continue;
      for (String k : List.of("labels", "annotations")) {
        if (!(mo.get(k) instanceof ObjectNode l)) continue;
        List<String> drop = l.propertyNames().stream().filter(a -> a.startsWith("helm.sh/")
            || a.equals("app.kubernetes.io/managed-by") || a.equals("app.kubernetes.io/instance")).toList();
        l.remove(drop);
        if (l.isEmpty()) mo.remove(k);
      }
    }
    assertFalse(c.isMissingNode());
    return c;
  }
}
