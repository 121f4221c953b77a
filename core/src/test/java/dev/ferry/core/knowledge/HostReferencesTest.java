package dev.ferry.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The references of every service, worked out once per project and shared, are those of each service. */
class HostReferencesTest {
  @TempDir Path dir;

  private Project project(String name, int services) throws IOException {
    StringBuilder y = new StringBuilder("name: " + name + "\nservices:\n");
    for (int i = 0; i < services; i++) {
      y.append("  s").append(i).append(":\n    image: app:1\n    environment:\n      DB_URL: postgres://db")
          .append(i % 7).append(":5432/x\n      PEERS: s").append(i + 1).append(",s").append(i + 2)
          .append("\n      LOCAL: localhost:").append(8000 + i).append('\n');
    }
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("compose.yaml"), y.toString());
    LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(d).environment(Map.of()).build());
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.project();
  }

  @Test
  void eachServicesSharedReferencesAreItsOwn() throws IOException {
    for (int n : new int[] {3, 200}) { // one thread, and every core
      Project p = project("p" + n, n);
      Map<Service, List<HostReferences.Ref>> all = HostReferences.ofEach(p);
      assertEquals(n, all.size());
      for (Service s : p.services().values()) {
        assertEquals(HostReferences.of(s), all.get(s), s.name());
        assertEquals(4, all.get(s).size(), s.name()); // db, two peers, localhost
        assertSame(all.get(s), HostReferences.of(p, s), "asked again: the same list, not scanned again");
      }
      assertSame(all, HostReferences.ofEach(p));
    }
  }

  @Test
  void anotherProjectGetsItsOwnReferences() throws IOException {
    Project a = project("a", 70);
    Project b = project("b", 5);
    Service first = a.services().values().iterator().next();
    assertEquals(HostReferences.of(first), HostReferences.of(a, first));
    assertEquals(5, HostReferences.ofEach(b).size());
    assertEquals(70, HostReferences.ofEach(a).size());
    Service other = b.services().values().iterator().next();
    assertEquals(HostReferences.of(other), HostReferences.of(a, other), "a service of another project: scanned itself");
  }
}
