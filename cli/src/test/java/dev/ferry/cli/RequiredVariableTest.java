package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Required means required: ${VAR:?msg} unset stops config, convert, chart and explain as it stops compose. */
class RequiredVariableTest {
  @TempDir Path dir;

  @Test
  void everyCommandButLintFailsAtThePosition() throws IOException {
    Path f = dir.resolve("compose.yaml");
    Files.writeString(f, "services:\n  app:\n    image: \"app:${FERRY_TEST_UNSET_TAG:?TAG must be set}\"\n");
    String where = "compose.yaml:3:12: required variable FERRY_TEST_UNSET_TAG is missing a value: TAG must be set";
    for (String[] args : new String[][] {{"config", "--strict", "-f", f.toString()}, {"convert", "--strict", "-f", f.toString()},
        {"chart", "--strict", "-f", f.toString(), "-o", dir.resolve("chart").toString()}, {"explain", "--strict", "-f", f.toString()},
        {"convert", "--strict", "-f", f.toString(), "-o", dir.resolve("out").toString()}}) {
      Cli r = Cli.run(args);
      assertEquals(2, r.code(), () -> String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().contains(where), () -> String.join(" ", args) + ": " + r.err());
      assertEquals("", r.out(), "nothing printed");
    }
    assertFalse(Files.exists(dir.resolve("chart")), "nothing half-written");
    assertFalse(Files.exists(dir.resolve("out")), "nothing half-written");

    Cli lint = Cli.run("lint", f.toString());
    assertEquals(1, lint.code(), lint.err());
    assertTrue(lint.out().contains("error [required-variable] required variable FERRY_TEST_UNSET_TAG"), lint.out());
    assertTrue(lint.out().contains("[unreachable-service]"), "lint goes on with the other rules: " + lint.out());

    for (String[] args : new String[][] {{"config", "-f", f.toString()}, {"config", "--no-strict", "-f", f.toString()}}) {
      Cli relaxed = Cli.run(args);
      assertEquals(0, relaxed.code(), relaxed.err());
      assertTrue(relaxed.err().contains("warning: required variable FERRY_TEST_UNSET_TAG is missing a value: TAG must be set"),
          relaxed.err());
    }
  }
}
