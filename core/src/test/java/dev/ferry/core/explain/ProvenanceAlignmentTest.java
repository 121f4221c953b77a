package dev.ferry.core.explain;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.testing.Golden;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Provenance, mapper by mapper: a compose line maps to the manifest fields it produced and back.
 * Each case loads a testdata project, picks a compose line by its text (within a service's block)
 * and checks the manifest lines it aligns with are exactly those of the expected field.
 */
class ProvenanceAlignmentTest {
  static final Path ROOT = Golden.repoRoot();

  /** A loaded, translated and aligned project. */
  record Case(LoadResult load, Translation t, Alignment a) {
    static Case of(String dir, Map<String, String> env, TranslateOptions opts) {
      LoadOptions.Builder b = LoadOptions.builder().workingDirectory(ROOT.resolve(dir));
      env.forEach(b::env);
      LoadResult r = ComposeLoader.load(b.build());
      assertFalse(r.hasErrors(), () -> dir + " does not load: " + r.diagnostics());
      Translation t = Translator.translate(r.project(), r.sourceMap(), opts);
      Alignment a = ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts());
      assertEquals(List.of(), a.unplaced(), "every provenance link names an emitted field");
      return new Case(r, t, a);
    }

    static Case of(String dir) {
      return of(dir, Map.of(), TranslateOptions.defaults());
    }

    Alignment.ComposeFile file() {
      return a.files().get(0);
    }

    /** The compose line whose text contains {@code text}, first one after the line of {@code service}'s key. */
    int line(String service, String text) {
      LineIndex ix = file().index();
      int from = service == null ? 1 : ix.find(ModelPath.of("services", service)).orElseThrow().line();
      for (int l = from; l <= ix.lineCount(); l++) if (ix.line(l).contains(text)) return l;
      throw new AssertionError("no line containing '" + text + "' after services." + service);
    }

    /** Manifest lines of a field of an object. */
    TreeSet<Integer> field(String kind, String name, String field) {
      Alignment.Obj o = a.object(kind, name);
      if (o == null) fail("no object " + kind + "/" + name);
      LineIndex.Entry e = o.yaml().find(ModelPath.parse(field))
          .orElseThrow(() -> new AssertionError(kind + "/" + name + " has no field " + field + ":\n" + a.manifest()));
      TreeSet<Integer> out = new TreeSet<>();
      for (int l = e.line(); l <= e.endLine(); l++) out.add(o.start() + l - 1);
      return out;
    }

    TreeSet<Integer> produced(String service, String text) {
      return new TreeSet<>(a.manifestLinesFor(file().name(), line(service, text)));
    }

    /** Asserts the compose line maps exactly to the given fields (and each field's lines map back to it). */
    void maps(String service, String text, String kind, String name, String... fields) {
      TreeSet<Integer> want = new TreeSet<>();
      for (String f : fields) want.addAll(field(kind, name, f));
      TreeSet<Integer> got = produced(service, text);
      assertEquals(render(want), render(got), "compose line '" + text + "' of " + service);
      int composeLine = line(service, text);
      for (String f : fields) {
        int first = field(kind, name, f).first();
        assertTrue(a.composeLinesFor(first).stream().anyMatch(p -> p.line() == composeLine),
            kind + "/" + name + " " + f + " should point back at compose line " + composeLine + ": " + a.composeLinesFor(first));
      }
    }

    /** Asserts the compose line maps to (at least) the given field. */
    void mapsTo(String service, String text, String kind, String name, String field) {
      TreeSet<Integer> got = produced(service, text);
      TreeSet<Integer> want = field(kind, name, field);
      assertTrue(got.containsAll(want), "compose line '" + text + "' of " + service + " should produce " + kind + "/"
          + name + " " + field + "\nwant:\n" + render(want) + "got:\n" + render(got));
    }

    String render(TreeSet<Integer> lines) {
      StringBuilder b = new StringBuilder();
      for (int l : lines) b.append(l).append(": ").append(a.manifestLine(l)).append('\n');
      return b.toString();
    }
  }

  @Test
  void probes() {
    Case c = Case.of("testdata/convert/healthcheck-probes/input");
    String c0 = "spec.template.spec.containers[0].";
    c.maps("cmd", "test: [\"CMD\", \"wget\"", "Deployment", "cmd", c0 + "readinessProbe.exec");
    // liveness checks the first TCP port (not the healthcheck again): it comes from expose
    c.mapsTo("cmd", "expose:", "Deployment", "cmd", c0 + "livenessProbe.tcpSocket");
    c.maps("cmd", "interval: 10s", "Deployment", "cmd", c0 + "readinessProbe.periodSeconds", c0 + "livenessProbe.periodSeconds");
    c.maps("cmd", "timeout: 2s", "Deployment", "cmd", c0 + "readinessProbe.timeoutSeconds", c0 + "livenessProbe.timeoutSeconds");
    c.maps("cmd", "retries: 4", "Deployment", "cmd", c0 + "readinessProbe.failureThreshold", c0 + "livenessProbe.failureThreshold");
    c.maps("cmd", "start_period: 40s", "Deployment", "cmd", c0 + "startupProbe");
    c.mapsTo("cmd", "healthcheck:", "Deployment", "cmd", c0 + "livenessProbe");
    c.mapsTo("cmd", "expose:", "Service", "cmd", "spec.ports[0]");
    c.mapsTo("cmd", "expose:", "Deployment", "cmd", c0 + "ports[0]");
  }

  @Test
  void votingApp() {
    Case c = Case.of("examples/voting-app");
    String c0 = "spec.template.spec.containers[0].";
    c.maps("vote", "test: [\"CMD\", \"curl\"", "Deployment", "vote", c0 + "readinessProbe.exec");
    // the liveness probe checks the port the item declares (not the ports: key)
    c.mapsTo("vote", "- \"8080:80\"", "Deployment", "vote", c0 + "livenessProbe.tcpSocket");
    // ports: the Service ports (target and published) and the containerPort
    c.mapsTo("vote", "- \"8080:80\"", "Service", "vote", "spec.ports[0]");
    c.mapsTo("vote", "- \"8080:80\"", "Service", "vote", "spec.ports[1]");
    c.mapsTo("vote", "- \"8080:80\"", "Deployment", "vote", c0 + "ports[0]");
    // depends_on → an initContainer that waits
    c.maps("vote", "redis:", "Deployment", "vote", "spec.template.spec.initContainers[0]");
    c.maps("worker", "db:", "Deployment", "worker", "spec.template.spec.initContainers[1]");
    // environment → env
    c.maps("vote", "REDIS_HOST: redis", "Deployment", "vote", c0 + "env[0]");
    c.maps("db", "POSTGRES_USER: postgres", "Deployment", "db", c0 + "env[0]");
    // a secret-looking value → a Secret key and a secretKeyRef
    c.mapsTo("db", "POSTGRES_PASSWORD:", "Deployment", "db", c0 + "env[1]");
    c.mapsTo("db", "POSTGRES_PASSWORD:", "Secret", "db-env", "stringData.POSTGRES_PASSWORD");
    // volumes → the claim, the volumeMount and the Pod volume
    c.mapsTo("db", "- db-data:/var/lib/postgresql/data", "Deployment", "db", c0 + "volumeMounts[0]");
    c.mapsTo("db", "- db-data:/var/lib/postgresql/data", "Deployment", "db", "spec.template.spec.volumes[0]");
    c.mapsTo(null, "  db-data:", "PersistentVolumeClaim", "db-data", "spec");
    // deploy
    c.mapsTo("vote", "replicas: 2", "Deployment", "vote", "spec.replicas");
    c.mapsTo("vote", "replicas: 2", "PodDisruptionBudget", "vote", "spec");
    c.maps("vote", "cpus: \"0.50\"", "Deployment", "vote", c0 + "resources.limits.cpu");
    c.maps("vote", "memory: 256M", "Deployment", "vote", c0 + "resources.limits.memory");
    // the image
    c.maps("vote", "image: dockersamples", "Deployment", "vote", c0 + "image");
    // a service's name → the workload's and the Service's names (and the container's)
    c.mapsTo("vote", "vote:", "Deployment", "vote", "metadata.name");
    c.mapsTo("vote", "vote:", "Service", "vote", "metadata.name");
  }

  @Test
  void steeringNetworkPoliciesAndKinds() {
    Case st = Case.of("testdata/convert/steering/input");
    assertTrue(st.a.spans().stream().anyMatch(sp -> sp.link().kind().equals("Ingress") && !sp.isDefault()));
    Case np = Case.of("testdata/convert/network-policies/input", Map.of(), TranslateOptions.defaults().withNetworkPolicies(true));
    assertTrue(np.a.spans().stream().anyMatch(sp -> sp.link().kind().equals("NetworkPolicy") && !sp.isDefault()));
    Case k = Case.of("testdata/convert/workload-kinds/input");
    assertTrue(k.a.spans().stream().anyMatch(sp -> sp.link().kind().equals("HorizontalPodAutoscaler") && !sp.isDefault()));
    for (String kind : List.of("DaemonSet", "CronJob", "StatefulSet")) {
      assertTrue(k.a.spans().stream().anyMatch(sp -> sp.link().kind().equals(kind) && sp.link().field().equals("kind")),
          kind + " says why it is one");
    }
  }

  /**
   * Every line of every object of every testdata case that carries a value is explained: by a
   * link to a compose line, or by a ferry default with its reason. No line is left unexplained.
   */
  @Test
  void everyEmittedValueIsExplained() throws java.io.IOException {
    List<String> missing = new java.util.ArrayList<>();
    try (var dirs = java.nio.file.Files.list(ROOT.resolve("testdata/convert"))) {
      for (Path d : dirs.sorted().toList()) {
        Object[] r = dev.ferry.core.translate.ConvertGoldenTest.convert(d);
        LoadResult load = (LoadResult) r[0];
        Translation t = (Translation) r[1];
        Alignment a = ManifestWriter.alignment(t, load.sourceMap(), load.fileTexts());
        assertEquals(List.of(), a.unplaced(), d + ": every provenance link names an emitted field");
        for (Alignment.Obj o : a.objects()) {
          for (LineIndex.Entry e : o.yaml().entries()) {
            String text = o.yaml().line(e.line()).strip();
            if (text.endsWith(":")) continue; // a key whose value is below: its lines are checked
            int line = o.start() + e.line() - 1;
            boolean explained = false;
            for (int id : a.manifestOwners(line)) {
              Alignment.Span s = a.span(id);
              boolean wholeWorkload = s.link().field().isEmpty() && s.manifestStart() == o.start() && isWorkload(o.kind());
              if (!wholeWorkload && (s.link().source() != null || s.link().note() != null)) explained = true;
            }
            if (!explained) missing.add(d.getFileName() + " " + o.ref() + " " + e.path() + "  (" + text + ")");
          }
        }
      }
    }
    assertEquals("", String.join("\n", missing), missing.size() + " emitted values without provenance");
  }

  static boolean isWorkload(String kind) {
    return List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").contains(kind);
  }

  @Test
  void storage() {
    Case c = Case.of("testdata/convert/storage/input");
    String c0 = "spec.template.spec.containers[0].";
    c.mapsTo("app", "- shared:/srv/shared", "Deployment", "app", c0 + "volumeMounts[0]");
    c.mapsTo("app", "- ./nginx.conf:", "ConfigMap", "app-nginx-conf", "data");
    c.mapsTo("app", "- ./nginx.conf:", "Deployment", "app", c0 + "volumeMounts[1]");
    c.mapsTo("app", "- /var/cache/app", "Deployment", "app", c0 + "volumeMounts[3]");
    c.mapsTo("app", "target: /run/cache", "Deployment", "app", c0 + "volumeMounts[4]");
    c.mapsTo(null, "  shared:", "PersistentVolumeClaim", "shared", "spec");
  }

  @Test
  void configsAndSecrets() {
    Case c = Case.of("testdata/convert/configs-secrets/input", Map.of("API_TOKEN", "tok-123"), TranslateOptions.defaults());
    String c0 = "spec.template.spec.containers[0].";
    c.mapsTo("proxy", "- source: haproxy_cfg", "Deployment", "proxy", c0 + "volumeMounts[0]");
    c.mapsTo("proxy", "- banner", "Deployment", "proxy", c0 + "volumeMounts[1]");
    c.mapsTo("proxy", "- source: tls_key", "Deployment", "proxy", c0 + "volumeMounts[2]");
    c.mapsTo(null, "  haproxy_cfg:", "ConfigMap", "haproxy-cfg", "data");
    c.mapsTo(null, "  api_token:", "Secret", "api-token", "stringData");
  }

  @Test
  void envFilesAndSidecars() {
    Case e = Case.of("testdata/convert/env-files/input");
    e.mapsTo("api", "- common.env", "ConfigMap", "api-env", "data");
    e.mapsTo("api", "LOG_LEVEL: debug", "Deployment", "api", "spec.template.spec.containers[0].env[0]");
    Case s = Case.of("testdata/convert/sidecar/input");
    s.mapsTo("torrent", "network_mode:", "Deployment", "vpn", "spec.template.spec.containers[1]");
    s.mapsTo("torrent", "WEBUI_PORT", "Deployment", "vpn", "spec.template.spec.containers[1].env[0]");
    s.maps("vpn", "cap_add:", "Deployment", "vpn", "spec.template.spec.containers[0].securityContext.capabilities");
  }
}
