package dev.ferry.core.explain;

import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.testing.Golden;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What explain says is checked against what convert emitted, construct by construct: each note or
 * reason's claim is compared with the field it describes (not with fixed text), so the checks
 * hold when the mappers change the fields, and fail when a note stops matching them.
 */
class ExplainTruthTest {
  static final Path ROOT = Golden.repoRoot();
  static final String VOTING = "examples/voting-app";
  static final String CLASSROOM = "examples/classroom";

  record Case(Translation t, Explanation e) {
    static Case of(String dir) {
      LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(ROOT.resolve(dir)).environment(Map.of()).build());
      assertFalse(r.hasErrors(), () -> dir + ": " + r.diagnostics());
      Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
      return new Case(t, Explanation.of(ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts()), t.diagnostics(), null));
    }

    Alignment a() {
      return e.alignment();
    }

    Explanation.Row row(int line) {
      return e.rows().stream().filter(r -> r.line() == line).findFirst().orElseThrow();
    }

    /** The line of compose path {@code path}. */
    int line(String path) {
      return a().files().get(0).index().find(ModelPath.parse(path)).orElseThrow().line();
    }

    /** The emitted JSON of the workload of {@code service} (its first container). */
    JsonNode container(String service) {
      for (Alignment.Obj o : a().objects()) {
        if (o.kind().equals("Deployment") && service.equals(o.service())) {
          return ManifestWriter.tree(o.object()).path("spec").path("template").path("spec").path("containers").get(0);
        }
      }
      throw new AssertionError("no Deployment for " + service);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {VOTING, CLASSROOM})
  void healthcheckNoteNamesTheProbesTheContainerGot(String dir) {
    Case c = Case.of(dir);
    int checked = 0;
    for (Alignment.Obj o : c.a().objects()) {
      if (!o.kind().equals("Deployment")) continue;
      String svc = o.service();
      if (c.a().files().get(0).index().find(ModelPath.of("services", svc, "healthcheck")).isEmpty()) continue;
      String note = c.row(c.line("services." + svc + ".healthcheck")).note();
      JsonNode container = c.container(svc);
      JsonNode ready = container.get("readinessProbe");
      JsonNode live = container.get("livenessProbe");
      assertNotNull(ready, svc);
      assertTrue(note.contains("readinessProbe (" + DerivedNotes.handler(ready) + ")"), svc + ": " + note);
      String readyKind = ready.propertyNames().stream().filter(k -> List.of("exec", "tcpSocket", "httpGet").contains(k)).findFirst().orElseThrow();
      assertTrue(note.contains("readinessProbe (" + readyKind + ":"), note);
      if (live != null) {
        String liveKind = live.propertyNames().stream().filter(k -> List.of("exec", "tcpSocket", "httpGet").contains(k)).findFirst().orElseThrow();
        assertTrue(note.contains("livenessProbe (" + liveKind + ":"), svc + " liveness is " + liveKind + ": " + note);
        assertFalse(note.contains("no livenessProbe"), note);
      } else {
        assertTrue(note.contains("There is no livenessProbe"), svc + " has no liveness probe: " + note);
      }
      checked++;
    }
    assertTrue(checked >= 2, "healthchecks were checked");
  }

  @Test
  void livenessReasonSitsOnThePortItsProbeChecksNotOnPorts() {
    Case c = Case.of(VOTING);
    int portsKey = c.line("services.vote.ports");
    int item = c.line("services.vote.ports[0]");
    for (Explanation.Run r : c.row(portsKey).runs()) assertFalse(r.context().contains("livenessProbe"), "ports: shows " + r);
    assertTrue(c.row(portsKey).reasons().isEmpty(), "no reason on ports: " + c.row(portsKey).reasons());
    Explanation.Row row = c.row(item);
    Explanation.Run live = row.runs().stream().filter(r -> r.context().endsWith("livenessProbe")).findFirst().orElseThrow();
    int port = c.container("vote").path("livenessProbe").path("tcpSocket").path("port").asInt();
    assertTrue(c.a().manifestLine(live.lines().get(live.lines().size() - 1)).strip().equals("port: " + port));
    assertTrue(c.a().files().get(0).index().line(item).contains(":" + port + "\""), "the item declares the probed port");
    assertTrue(row.reasons().stream().anyMatch(r -> r.contains("liveness probe") && r.contains(String.valueOf(port))), row.reasons().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {VOTING, CLASSROOM})
  void everyReasonMatchesItsLine(String dir) {
    Case c = Case.of(dir);
    int shell = 0;
    for (Explanation.Row r : c.e().rows()) {
      for (String why : r.reasons()) {
        if (why.contains("CMD-SHELL runs")) {
          assertTrue(r.text().contains("CMD-SHELL"), "CMD-SHELL reason on line " + r.line() + ": " + r.text());
          shell++;
        }
        if (why.contains("written as one string")) {
          assertFalse(r.text().contains("[") || r.text().contains("CMD"), "one-string reason on a list: " + r.text());
          shell++;
        }
        if (why.contains("liveness probe checks")) {
          assertTrue(r.runs().stream().anyMatch(x -> x.context().endsWith("livenessProbe")), "liveness reason without its probe: " + r);
        }
        if (why.contains("sh -c")) {
          assertTrue(r.runs().stream().anyMatch(x -> x.lines().stream().anyMatch(m -> c.a().manifestLine(m).strip().equals("- sh"))),
              "sh -c reason but no sh in the probe at line " + r.line());
        }
      }
    }
    assertTrue(shell >= 2, "both shell forms seen");
  }

  @Test
  void securityAndStorageDefaultsSayWhatChanges() {
    Case c = Case.of(VOTING);
    boolean esc = false;
    boolean seccomp = false;
    boolean rwo = false;
    for (Explanation.Default d : c.e().defaults()) {
      String line = c.a().manifestLine(d.line()).strip();
      if (line.equals("allowPrivilegeEscalation: false")) {
        assertTrue(d.reason().contains("change of behaviour") && d.reason().contains("Docker allows"), d.reason());
        esc = true;
      }
      if (line.startsWith("seccompProfile")) {
        String type = c.a().manifestLine(d.line() + 1).strip();
        assertEquals("type: RuntimeDefault", type);
        assertTrue(d.reason().contains("similar, not the same") && !d.reason().contains("is the same"), d.reason());
        seccomp = true;
      }
      if (line.equals("accessModes:")) {
        assertEquals("- ReadWriteOnce", c.a().manifestLine(d.line() + 1).strip());
        assertTrue(d.reason().contains("one node") && d.reason().contains("ReadWriteOncePod") && !d.reason().contains("one Pod uses"), d.reason());
        rwo = true;
      }
    }
    assertTrue(esc && seccomp && rwo, "all three defaults were found");
  }

  @Test
  void serviceStartedSaysWhetherTheWaitIsForReadiness() {
    Case c = Case.of(CLASSROOM);
    int seen = 0;
    for (Diagnostic d : c.t().diagnostics()) {
      if (!d.code().equals("depends-on-condition") || !d.message().contains("(service_started): on Kubernetes")) continue;
      String dep = d.message().replaceAll(".*depends on \"([^\"]+)\".*", "$1");
      boolean ready = c.container(dep).has("readinessProbe");
      assertEquals(ready, d.message().contains("waits until it is healthy, stricter than compose's started"), d.message());
      assertFalse(d.message().contains("not necessarily ready") && ready, d.message());
      Explanation.Row row = c.row(d.position().line());
      assertTrue(row.reasons().stream().anyMatch(r -> r.contains("routes only to ready Pods") && (!ready || r.contains("healthy"))),
          row.reasons().toString());
      seen++;
    }
    assertTrue(seen >= 2, "service_started dependencies were checked");
  }

  @ParameterizedTest
  @ValueSource(strings = {VOTING, CLASSROOM})
  void summaryCountsAgreeWithTheMarkedLinesAndTheFindings(String dir) {
    Case c = Case.of(dir);
    Explanation.Summary s = c.e().summary();
    assertEquals(s.notTranslatable(), s.notTranslatableAt().size());
    for (Position p : s.notTranslatableAt()) {
      LineIndex.Entry key = c.a().file(p.file()).index().at(p.line(), p.column()).orElseThrow();
      List<Diagnostic> marked = new ArrayList<>();
      for (int l = key.line(); l <= key.endLine(); l++) marked.addAll(c.e().findings(p.file(), l));
      assertTrue(marked.stream().anyMatch(d -> d.severity() != Severity.INFO && c.t().diagnostics().contains(d)),
          "a key counted as not translatable has a warning at its lines, the same convert reports: " + p);
    }
    int shown = c.e().unplacedFindings().size();
    for (Explanation.Row r : c.e().rows()) shown += r.findings().size();
    assertEquals(c.t().diagnostics().size(), shown, "every convert finding is shown once");
  }

  @Test
  void beforeYouApplyNamesWhatBreaksAtItsLine() {
    Case c = Case.of(CLASSROOM);
    List<BeforeApply.Item> items = c.e().beforeApply();
    assertEquals(items.get(0).severity() == Severity.ERROR || items.stream().noneMatch(i -> i.severity() == Severity.ERROR), true);
    // web declares no port: it gets a headless Service (nginx's proxy_pass http://web:8000 resolves), but
    // nginx's depends_on has no port to wait for, which is a warning before applying
    assertItem(c, "depends-on-condition", "services.nginx.depends_on[0]", "headless");
    assertItem(c, "build-and-push", "services.web.build", "myapp:latest");
    assertItem(c, "latest-tag", "services.web.image", "myapp:latest");
    assertItem(c, "latest-tag", "services.worker.image", "myapp:latest");
    for (Alignment.Obj o : c.a().objects()) {
      if (!o.kind().equals("Secret")) continue;
      BeforeApply.Item i = items.stream().filter(x -> x.code().equals("plain-secret") && x.text().startsWith(o.ref() + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no plain-secret item for " + o.ref()));
      assertTrue(i.text().contains("base64") && i.text().contains("not encrypted") && i.text().contains("commit"), i.text());
      assertTrue(c.a().composeLinesFor(o.start()).contains(i.position()) || c.row(i.position().line()).runs().stream()
          .anyMatch(r -> r.object() == o), "linked to the line that made " + o.ref());
    }
    for (Diagnostic d : c.t().diagnostics()) {
      if (d.severity() == Severity.INFO) continue;
      assertTrue(items.stream().anyMatch(i -> i.code().equals(d.code()) && i.position().equals(d.position())), "warning listed: " + d);
    }
    assertFalse(items.stream().anyMatch(i -> i.text().contains("postgres:16.4")), "pinned images are not flagged");
  }

  private static void assertItem(Case c, String code, String path, String mentions) {
    int line = c.line(path);
    assertTrue(c.e().beforeApply().stream().anyMatch(i -> i.code().equals(code) && i.position().line() == line && i.text().contains(mentions)),
        code + " at " + path + " (line " + line + "): " + c.e().beforeApply());
  }

  @Test
  void secretValuesAreMaskedInTextAndHtml() {
    Case c = Case.of(CLASSROOM);
    String text = SideBySide.render(c.e(), new SideBySide.Options(160, false));
    String html = HtmlReport.render(c.e(), "classroom");
    for (String secret : List.of("dev-only-7f3a9", "postgres://app:s3cret-pass@db")) {
      assertTrue(c.a().manifest().contains(secret), "convert emits " + secret);
      assertFalse(text.contains(secret), "text shows " + secret);
      assertFalse(html.contains(secret), "html shows " + secret);
    }
    assertTrue(text.contains("SECRET_KEY: **** (14 characters, hidden)"), "the length is shown");
    assertTrue(html.contains("SECRET_KEY: \u2022\u2022\u2022\u2022 (14 characters, hidden)"));
  }

  @Test
  void objectsMadeFromOneLineAreShownWholeAndValid() {
    Case c = Case.of(VOTING);
    Alignment.Obj pvc = c.a().object("PersistentVolumeClaim", "db-data");
    Explanation.Row row = c.row(c.line("volumes.db-data"));
    List<Explanation.Run> runs = row.runs().stream().filter(r -> r.object() == pvc).toList();
    assertEquals(1, runs.size(), "one block for the claim: " + runs);
    List<Integer> lines = runs.get(0).lines();
    assertEquals(pvc.start(), lines.get(0));
    assertEquals(pvc.end(), lines.get(lines.size() - 1));
    StringBuilder y = new StringBuilder();
    for (int m : lines) y.append(c.a().manifestLine(m)).append('\n');
    assertEquals(ManifestWriter.yaml(pvc.object()), y.toString(), "the block is the object as convert prints it");
  }

  @Test
  void columnsWrapInsteadOfCutting() {
    Case c = Case.of(CLASSROOM);
    String text = SideBySide.render(c.e(), new SideBySide.Options(160, false));
    for (String l : text.split("\n")) {
      assertTrue(l.length() <= 160, l);
      assertFalse(l.endsWith("~"), "cut: " + l);
    }
    String gunicorn = "until nc -z -w 2 db 5432; do echo 'waiting for db:5432'; sleep 2; done";
    assertTrue(text.replaceAll("\\s*\\|\\s+", " ").replaceAll("\\s+", " ").contains(gunicorn), "long commands are whole");
    String header = text.lines().filter(l -> l.startsWith("examples/classroom/compose.yaml") || l.contains("compose.yaml ")).findFirst().orElseThrow();
    assertTrue(header.indexOf('|') < 160 / 2, "the compose column is the narrower: " + header);
  }

  @Test
  void briefFoldsOnlyWhatIsReallyTheSame() {
    Case c = Case.of(VOTING);
    String full = SideBySide.render(c.e(), new SideBySide.Options(140, false));
    String brief = SideBySide.render(c.e(), new SideBySide.Options(140, false, true));
    assertTrue(brief.lines().count() < full.lines().count(), "brief is shorter");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+): \\.\\.\\. \\(\\d+ lines, same as ([\\w-]+)\\)").matcher(brief);
    int folded = 0;
    while (m.find()) {
      String key = m.group(1);
      String owner = m.group(2);
      List<JsonNode> containers = new ArrayList<>();
      for (Alignment.Obj o : c.a().objects()) {
        if (!o.kind().equals("Deployment")) continue;
        JsonNode pod = ManifestWriter.tree(o.object()).path("spec").path("template").path("spec");
        pod.path("initContainers").forEach(containers::add);
      }
      JsonNode first = containers.stream().filter(x -> x.path("name").asString().equals(owner)).findFirst().orElseThrow();
      long same = containers.stream().filter(x -> x.path(key).equals(first.path(key))).count();
      assertTrue(same >= 2, key + " of " + owner + " is repeated");
      folded++;
    }
    assertTrue(folded >= 2, "repeated wait blocks are folded");
    assertTrue(brief.contains("lines set by ferry)"), "defaults are folded");
  }

  @Test
  void dependsOnNoteSaysWhetherAnythingWaits() {
    Case c = Case.of(CLASSROOM);
    for (String svc : List.of("nginx", "web", "worker")) {
      String note = c.row(c.line("services." + svc + ".depends_on")).note();
      if (note == null && svc.equals("worker")) continue; // the same note as web's, shown once
      JsonNode pod = null;
      for (Alignment.Obj o : c.a().objects()) {
        if (o.kind().equals("Deployment") && svc.equals(o.service())) pod = ManifestWriter.tree(o.object()).path("spec").path("template").path("spec");
      }
      boolean waits = pod != null && pod.path("initContainers").size() > 0;
      assertEquals(waits, note.contains("an initContainer that waits"), svc + ": " + note);
      assertEquals(!waits, note.contains("nothing waits here"), svc + ": " + note);
    }
  }
}
