package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.cli.command.ExplainCommandAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  static final Path EXAMPLE = Path.of("../examples/voting-app/compose.yaml").toAbsolutePath().normalize();

  @Test
  void twoColumnsAlignedByProvenance() {
    Cli r = Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "140");
    assertEquals(0, r.code(), r.err());
    String healthcheck = r.out().lines().filter(l -> l.contains("test: [\"CMD\", \"curl\"")).findFirst().orElseThrow();
    assertTrue(healthcheck.matches("\\s*16\\s+test: \\[\"CMD\".* \\| >> Deployment/vote  containers\\[0]\\.readinessProbe"), healthcheck);
    assertTrue(r.out().contains("i  The healthcheck becomes the readinessProbe (exec: curl -f http://localhost)"), "construct notes");
    assertTrue(r.out().contains("i  Kubernetes starts all Pods at once; an initContainer"), "depends_on note");
    assertTrue(r.out().contains("info [unreachable-service]"), "findings inline");
    assertTrue(r.out().contains("Set by ferry (no compose line behind it):"));
    for (String line : r.out().split("\n")) assertTrue(line.length() <= 140, "fits the width: " + line);
    assertFalse(r.out().contains("\u001b["), "no colour when not a terminal");
    assertEquals(r.out(), Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "140").out(), "deterministic");
  }

  @Test
  void stackedOnNarrowTerminals() {
    Cli r = Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "80", "--service", "vote");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains(" | "), "no columns below 100");
    assertTrue(r.out().contains("  16        test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n      >> Deployment/vote"), r.out());
    for (String line : r.out().split("\n")) assertTrue(line.length() <= 80, "fits the width: " + line);
    assertFalse(r.out().contains("services:\n"), "only the service's lines");
    assertFalse(r.out().contains("Deployment/db"), "only the service's objects");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertTrue(ExplainCommandAccess.useColor("auto", true, Map.of()));
    assertFalse(ExplainCommandAccess.useColor("auto", false, Map.of()));
    assertFalse(ExplainCommandAccess.useColor("auto", true, Map.of("NO_COLOR", "1")));
    assertFalse(ExplainCommandAccess.useColor("auto", true, Map.of("TERM", "dumb")));
    assertTrue(ExplainCommandAccess.useColor("always", false, Map.of()));
    Cli r = Cli.run("explain", "-f", EXAMPLE.toString(), "--color", "always");
    assertTrue(r.out().contains("\u001b[1m"), "ANSI when asked");
  }

  @Test
  void htmlIsWrittenAtomicallyAndDeterministically(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("report.html");
    Cli r = Cli.run("explain", "-f", EXAMPLE.toString(), "--html", out.toString());
    assertEquals(0, r.code(), r.err());
    String first = Files.readString(out);
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
        "the report is readable by its owner only");
    assertTrue(first.startsWith("<!DOCTYPE html>") && first.endsWith("</html>\n"));
    assertEquals(0, Cli.run("explain", "-f", EXAMPLE.toString(), "--html", out.toString()).code());
    assertEquals(first, Files.readString(out), "same input, same bytes");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
    Cli dir = Cli.run("explain", "-f", EXAMPLE.toString(), "--html", tmp.toString());
    assertEquals(2, dir.code());
    assertTrue(dir.err().contains("is a directory"), dir.err());
  }

  static final Path CLASSROOM = Path.of("../examples/classroom/compose.yaml").toAbsolutePath().normalize();

  @Test
  void beforeYouApplyAndTheRequestPathComeFirst() {
    Cli r = Cli.run("explain", "-f", CLASSROOM.toString(), "--width", "120");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Before you apply ("), r.out().substring(0, 200));
    int before = r.out().indexOf("Before you apply");
    int graph = r.out().indexOf("Objects, along the request path:");
    int compose = r.out().indexOf(" | Kubernetes");
    assertTrue(before < graph && graph < compose, "before-apply, then the graph, then the side by side");
    String head = r.out().substring(0, compose);
    // web declares no port: its Service is headless, so nginx's proxy_pass http://web:8000 resolves, but
    // nginx's depends_on has no port to wait for
    assertTrue(head.contains("[depends-on-condition] depends_on \"web\""), head);
    assertTrue(head.contains("its Service is headless"), head);
    assertTrue(head.contains("Deployment/nginx calls Service/web;"), head);
    assertTrue(head.contains("you (Ingress or kubectl port-forward) -> Service/nginx"), head);
    assertFalse(r.out().contains("dev-only-7f3a9"), "Secret values are masked");
    assertTrue(r.out().contains("Terms used above:\n  Pod: "), "a short glossary");
  }

  @Test
  void missingFilesAreListedBeforeYouApply(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    env_file: missing.env\n");
    Cli r = Cli.run("explain", "-f", f.toString(), "--width", "120");
    assertEquals(0, r.code(), r.err());
    String head = r.out().substring(0, r.out().indexOf(" | Kubernetes"));
    assertTrue(head.matches("(?s)Before you apply \\(1\\):\n  !  .*compose.yaml:4: warning \\[env-file-missing\\] env file missing.env.*"), head);
  }

  @Test
  void diffShowsTheFieldsEachComposeChangeMoved(@TempDir Path tmp) throws IOException {
    String v1 = Files.readString(EXAMPLE);
    String v2 = v1.replace("\"http://localhost\"]", "\"http://localhost/health\"]").replace("replicas: 2", "replicas: 1")
        .replace("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}", "POSTGRES_PASSWORD: changed-secret");
    Path oldFile = Files.writeString(tmp.resolve("old.yaml"), v1);
    Path newFile = Files.writeString(tmp.resolve("new.yaml"), v2);
    Cli r = Cli.run("explain", "--diff", oldFile.toString(), newFile.toString());
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    int test = out.indexOf("new.yaml:16  test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/health\"]");
    assertTrue(test >= 0, out);
    assertTrue(out.indexOf("~ Deployment/vote  spec.template.spec.containers[0].readinessProbe.exec.command[2]: http://localhost"
        + " -> http://localhost/health", test) > test, out);
    assertTrue(out.contains("new.yaml:22  replicas: 1\n    ~ Deployment/vote  spec.replicas: 2 -> 1"), out);
    assertTrue(out.contains("old.yaml:22 (old)  replicas: 2\n    - PodDisruptionBudget/vote (object removed)"), out);
    assertTrue(out.contains("~ Secret/db-env  stringData.POSTGRES_PASSWORD: (hidden) -> (hidden)"), out);
    assertEquals(out.indexOf("changed-secret"), out.lastIndexOf("changed-secret"),
        "the Secret value shows only in the compose line as written, never as a Kubernetes field");
    assertFalse(out.contains("liveness"), "only what moved");
    Cli same = Cli.run("explain", "--diff", oldFile.toString(), oldFile.toString());
    assertTrue(same.out().contains("none: both versions convert to the same manifests"), same.out());
    Path html = tmp.resolve("diff.html");
    assertEquals(0, Cli.run("explain", "--diff", oldFile.toString(), newFile.toString(), "--html", html.toString()).code());
    String page = Files.readString(html);
    assertTrue(page.contains("spec.replicas: 2 -&gt; 1") && page.contains("PodDisruptionBudget/vote (object removed)"), page);
  }

  @Test
  void briefFoldsRepeatedWaitContainers() {
    Cli full = Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "140");
    Cli brief = Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "140", "--brief");
    assertEquals(0, brief.code(), brief.err());
    assertTrue(brief.out().contains("resources: ... (5 lines, same as wait-for-redis)"), brief.out());
    assertTrue(brief.out().lines().count() < full.out().lines().count());
  }

  @Test
  void badInputGivesPositionsAndExitTwo(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("compose.yaml");
    Files.writeString(f, "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      retries: 10s\n    ports: [\"80:80\"\n");
    Cli r = Cli.run("explain", "-f", f.toString(), "--html", tmp.resolve("r.html").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().matches("(?s).*compose.yaml:\\d+:\\d+: .*"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertFalse(Files.exists(tmp.resolve("r.html")), "nothing written");
    Cli unknown = Cli.run("explain", "-f", EXAMPLE.toString(), "--service", "nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no service \"nope\""), unknown.err());
    assertEquals(2, Cli.run("explain", "-f", tmp.resolve("missing.yaml").toString()).code());
    assertEquals(2, Cli.run("explain", "-f", EXAMPLE.toString(), "--width", "3").code());
  }

  @Test
  void everyTestdataCaseExplains() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("../testdata/convert"))) {
      for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
        Path input = c.resolve("input/compose.yaml");
        Cli r = Cli.run("explain", "-f", input.toString(), "--width", "120");
        assertEquals(0, r.code(), c + ": " + r.err());
        assertTrue(r.out().contains(" | >> "), c + " aligns something");
      }
    }
  }
}
