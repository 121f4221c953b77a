package dev.ferry.core.translate.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kompose's readiness.test label is read the way compose reads a healthcheck test. */
class ProbeMapperTest {
  @Test
  void cmdWordsRunWithoutAShell() {
    assertEquals(List.of("curl", "-f", "http://localhost/"), HealthCommand.labelCommand("CMD curl -f http://localhost/"));
    assertEquals(List.of("echo", "a b"), HealthCommand.labelCommand("CMD echo 'a b'"));
  }

  @Test
  void cmdShellAndPlainStringsRunThroughSh() {
    assertEquals(List.of("sh", "-c", "pg_isready -U app || exit 1"), HealthCommand.labelCommand("CMD-SHELL pg_isready -U app || exit 1"));
    assertEquals(List.of("sh", "-c", "redis-cli ping"), HealthCommand.labelCommand("redis-cli ping"));
  }

  @Test
  void flowListsAreCommandLists() {
    assertEquals(List.of("curl", "-f", "http://localhost/"),
        HealthCommand.labelCommand("[\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]"));
    assertEquals(List.of("sh", "-c", "wget -qO- localhost"), HealthCommand.labelCommand("['CMD-SHELL', 'wget -qO- localhost']"));
  }
}
