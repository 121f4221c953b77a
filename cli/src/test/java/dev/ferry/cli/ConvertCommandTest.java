package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  static final Path EXAMPLE = Path.of("../examples/voting-app/compose.yaml").toAbsolutePath().normalize();

  @Test
  void printsMultiDocumentYamlAndASummary() {
    Cli r = Cli.run("convert", "-f", EXAMPLE.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("---\napiVersion: v1\nkind: Secret\n"), r.out());
    assertTrue(r.out().contains("kind: Deployment\n"));
    assertTrue(r.err().matches("(?s)ferry convert: \\d+ objects; \\d+ findings .*"), r.err());
    assertEquals(r.out(), Cli.run("convert", "-f", EXAMPLE.toString()).out(), "same input, same bytes");
  }

  @Test
  void aNamespaceIsCreatedBeforeAnythingIsAppliedIntoIt() {
    Cli r = Cli.run("convert", "-f", EXAMPLE.toString(), "-n", "shop");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n"
        + "    app.kubernetes.io/managed-by: ferry\n  name: shop\n---\n"), r.out().substring(0, 200));
    assertTrue(r.out().contains("  namespace: shop\n"), "objects are put into it");
  }

  @Test
  void jsonIsAList() {
    Cli r = Cli.run("convert", "-f", EXAMPLE.toString(), "--format", "json", "-q");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"kind\" : \"List\""), r.out().substring(0, 200));
    assertEquals("", r.err());
  }

  @Test
  void annotateNamesTheComposeSource() {
    Cli r = Cli.run("convert", "-f", EXAMPLE.toString(), "--annotate");
    assertTrue(r.out().matches("(?s).*# from \\S*compose.yaml:\\d+ services\\.vote\\n.*"), r.out());
  }

  @Test
  void writesOneFilePerObjectAndRefusesForeignFiles(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("convert", "-f", EXAMPLE.toString(), "-o", out.toString(), "--kustomize");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("vote-deployment.yaml")));
    assertTrue(Files.readString(out.resolve("kustomization.yaml")).contains("- vote-deployment.yaml"));
    // a second run over its own output is fine
    assertEquals(0, Cli.run("convert", "-f", EXAMPLE.toString(), "-o", out.toString()).code());
    assertFalse(Files.exists(out.resolve("kustomization.yaml")), "files ferry no longer writes are removed");
    // a file ferry did not write is never overwritten without --force
    Files.delete(out.resolve(".ferry-output"));
    Files.writeString(out.resolve("vote-deployment.yaml"), "mine\n");
    Cli refused = Cli.run("convert", "-f", EXAMPLE.toString(), "-o", out.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("refusing to overwrite"), refused.err());
    assertEquals("mine\n", Files.readString(out.resolve("vote-deployment.yaml")));
    assertEquals(0, Cli.run("convert", "-f", EXAMPLE.toString(), "-o", out.toString(), "--force").code());
  }

  @Test
  void badInputGivesPositionsExitTwoAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("compose.yaml");
    Files.writeString(f, "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [CMD, true]\n      retries: 10s\n    ports: [\"80:80\"]\n    bogus: 1\n");
    Path out = tmp.resolve("out");
    Cli r = Cli.run("convert", "-f", f.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("compose.yaml:6:"), r.err());
    assertTrue(r.err().contains("compose.yaml:8:"), "every error of the file at once: " + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertFalse(Files.exists(out));
  }

  @Test
  void everyTestdataCaseConverts() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("../testdata/convert"))) {
      List<Path> cases = s.filter(Files::isDirectory).sorted().toList();
      assertTrue(cases.size() >= 10);
      for (Path c : cases) {
        Cli r = Cli.run("convert", "--project-directory", c.resolve("input").toString(), "-f",
            c.resolve("input/compose.yaml").toString(), "-q");
        assertEquals(0, r.code(), c + ": " + r.err());
      }
    }
  }
}
