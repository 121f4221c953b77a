package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCommandTest {
  private static final String COMPOSE = """
      name: shop
      services:
        web:
          image: example/web:2.3.1
          ports: ["8080:80"]
          environment:
            MODE: production
        db:
          image: postgres:16
          volumes: [data:/var/lib/postgresql/data]
      volumes:
        data:
      """;

  @Test
  void writesAChart(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("compose.yaml");
    Files.writeString(f, COMPOSE);
    Path out = tmp.resolve("chart");
    Cli r = Cli.run("chart", "-f", f.toString(), "-o", out.toString(), "--chart-version", "1.2.0");
    assertEquals(0, r.code(), r.err());
    for (String n : new String[] {"Chart.yaml", "values.yaml", "values.schema.json", "README.md", ".helmignore",
        "templates/_helpers.tpl", "templates/NOTES.txt", "templates/web/deployment.yaml", "templates/web/service.yaml",
        "templates/web/ingress.yaml", "templates/shared/persistentvolumeclaim.yaml"}) {
      assertTrue(Files.isRegularFile(out.resolve(n)), n);
    }
    String chart = Files.readString(out.resolve("Chart.yaml"));
    assertTrue(chart.contains("name: shop") && chart.contains("version: 1.2.0") && chart.contains("appVersion: 2.3.1"), chart);
    String values = Files.readString(out.resolve("values.yaml"));
    assertTrue(values.contains("compose.yaml:4 services.web.image"), values);
    assertTrue(values.contains("MODE: production"), values);
    // a second run replaces its own files
    assertEquals(0, Cli.run("chart", "-f", f.toString(), "-o", out.toString(), "--name", "My_Shop", "--app-version", "9").code());
    assertTrue(Files.readString(out.resolve("Chart.yaml")).contains("name: my-shop"));
  }

  @Test
  void badInputAndOptionsExitTwoWithoutStackTraceOrFiles(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("compose.yaml");
    Files.writeString(f, "services:\n  web:\n    image: x\n    ports: [\"abc:def:ghi:jkl\"]\n    replicas: [\n");
    Path out = tmp.resolve("chart");
    Cli r = Cli.run("chart", "-f", f.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().matches("(?s).*compose.yaml:\\d+:\\d+: .*"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(out));
    Files.writeString(f, COMPOSE);
    Cli v = Cli.run("chart", "-f", f.toString(), "-o", out.toString(), "--chart-version", "one");
    assertEquals(2, v.code());
    assertTrue(v.err().contains("SemVer"), v.err());
    assertFalse(Files.exists(out));
    Cli missing = Cli.run("chart", "-f", f.toString());
    assertEquals(2, missing.code());
    Files.createDirectories(out);
    Files.writeString(out.resolve("Chart.yaml"), "mine");
    Cli refused = Cli.run("chart", "-f", f.toString(), "-o", out.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("refusing to overwrite"), refused.err());
    assertEquals("mine", Files.readString(out.resolve("Chart.yaml")));
  }
}
