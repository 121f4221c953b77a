package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferry lint and ferry rules from the command line: exit codes, paths, formats, fixing. */
class LintCommandTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void exitCodesFollowFailOn() throws Exception {
    Path f = write("compose.yaml", "name: x\nservices:\n  web:\n    image: nginx\n");
    assertEquals(0, Cli.run("lint", f.toString()).code(), "only warnings and info: below the default --fail-on error");
    assertEquals(1, Cli.run("lint", "--fail-on", "warning", f.toString()).code());
    assertEquals(0, Cli.run("lint", "--fail-on", "never", "--format", "json", f.toString()).code());
    Path bad = write("bad/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
    Cli r = Cli.run("lint", bad.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("compose.yaml:4:5: error [privileged]"), r.out());
  }

  @Test
  void lintAndConvertTargetTheSameKubernetesVersion() throws Exception {
    Path f = write("iv/compose.yaml", "name: x\nservices:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - {type: image, source: ghcr.io/acme/assets:1.0, target: /assets}\n  bad:\n    image: nginx:1.27\n    nonsense_key: 1\n");
    Cli old = Cli.run("lint", "--format", "compact", f.toString());
    assertTrue(old.out().contains("compose.yaml:6:9: warning [image-volume]") && old.out().contains("not mounted"), old.out());
    Cli recent = Cli.run("lint", "--format", "compact", "--kube-version", "1.33", f.toString());
    assertTrue(recent.out().contains("compose.yaml:6:9: info [image-volume]"), recent.out());
    assertTrue(old.out().contains("compose.yaml:9:5: error [schema]"), "a key the schema does not know: " + old.out());
    assertEquals(2, Cli.run("lint", "--kube-version", "1.40", f.toString()).code());
    Path ok = write("iv2/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    volumes:\n"
        + "      - {type: image, source: ghcr.io/acme/assets:1.0, target: /assets}\n");
    Cli convert = Cli.run("convert", "--kube-version", "1.33", "-f", ok.toString());
    assertEquals(0, convert.code(), convert.err());
    assertTrue(convert.out().contains("reference: ghcr.io/acme/assets:1.0"), convert.out());
    assertTrue(!Cli.run("convert", "-f", ok.toString()).out().contains("reference:"), "1.30 has no image volumes");
  }

  @Test
  void aMistakeInFerryYamlIsAnErrorWithItsPositionAndTheNearestName() throws Exception {
    Path f = write("cfg/compose.yaml", "name: x\nservices:\n  web:\n    image: nginx:1.27\n");
    write("cfg/.ferry.yaml", "rules:\n  image-unpined: error\n  root-user: {nonRootImage: [\"x/*\"]}\n");
    Cli r = Cli.run("lint", f.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(".ferry.yaml:2:3: unknown rule 'image-unpined' (did you mean image-unpinned?)"), r.err());
    assertTrue(r.err().contains(".ferry.yaml:3:15: rule root-user: unknown option 'nonRootImage' (did you mean nonRootImages?)"),
        "every error of the file at once: " + r.err());
    assertTrue(!r.err().contains("\tat ") && r.out().isEmpty(), r.err());
  }

  @Test
  void maxWarningsFailsOnTooManyWarnings() throws Exception {
    Path f = write("mw/compose.yaml", "name: x\nservices:\n  web:\n    image: nginx\n");
    Cli all = Cli.run("lint", "--format", "compact", f.toString());
    long warnings = all.out().lines().filter(l -> l.contains(": warning [")).count();
    assertTrue(warnings >= 1, all.out());
    assertEquals(0, Cli.run("lint", "--max-warnings", String.valueOf(warnings), f.toString()).code());
    assertEquals(1, Cli.run("lint", "--max-warnings", String.valueOf(warnings - 1), f.toString()).code());
    assertEquals(2, Cli.run("lint", "--max-warnings", "-1", f.toString()).code());
  }

  @Test
  void unreadablePathsAreUsageErrors() {
    Cli r = Cli.run("lint", tmp.resolve("nope.yaml").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file or directory"), r.err());
    assertEquals("", r.out());
    assertEquals(2, Cli.run("lint", "-f", tmp.resolve("nope.yaml").toString()).code());
    assertEquals(2, Cli.run("lint", "--format", "xml", tmp.toString()).code());
  }

  @Test
  void aDirectoryLintsEveryProjectWithItsOverrideFile() throws Exception {
    write("a/compose.yaml", "name: a\nservices:\n  web:\n    image: nginx:1.27\n");
    write("a/compose.override.yaml", "services:\n  web:\n    privileged: true\n");
    write("b/docker-compose.yml", "name: b\nservices:\n  db:\n    image: postgres\n");
    write("node_modules/x/compose.yaml", "services: {web: {image: nginx, privileged: true}}\n");
    Cli r = Cli.run("lint", "--format", "json", "--fail-on", "never", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("compose.override.yaml"), "override merged: " + r.out());
    assertTrue(r.out().contains("docker-compose.yml"));
    assertTrue(!r.out().contains("node_modules"));
    assertTrue(r.out().contains("\"projects\" : 2"), r.out());
  }

  @Test
  void fixEditsInPlaceAndDryRunOnlyShowsTheDiff() throws Exception {
    String text = "version: \"3\"\nname: x\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n";
    Path f = write("compose.yaml", text);
    Cli dry = Cli.run("lint", "--fix-dry-run", f.toString());
    assertEquals(1, dry.code());
    assertTrue(dry.out().contains("-version: \"3\"") && dry.out().contains("+      - \"8080:80\""), dry.out());
    assertEquals(text, Files.readString(f));
    Cli fix = Cli.run("lint", "--fix", "--format", "json", f.toString());
    assertEquals(0, fix.code(), fix.out());
    assertEquals("name: x\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n", Files.readString(f));
    assertEquals(0, Cli.run("lint", "--fix-dry-run", f.toString()).code());
  }

  @Test
  void rulesListsAndPrintsPages() {
    Cli list = Cli.run("rules");
    assertEquals(0, list.code());
    assertTrue(list.out().contains("depends-on-without-healthcheck"), list.out());
    assertTrue(list.out().matches("(?s).*\\n\\d+ rules; .*"), list.out());
    Cli page = Cli.run("rules", "root-user");
    assertEquals(0, page.code());
    assertTrue(page.out().startsWith("# root-user\n"), page.out());
    Cli typo = Cli.run("rules", "root-usr");
    assertEquals(2, typo.code());
    assertTrue(typo.err().contains("did you mean root-user?"), typo.err());
  }
}
