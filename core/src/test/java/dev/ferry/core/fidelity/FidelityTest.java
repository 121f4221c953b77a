package dev.ferry.core.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.testing.Cases;
import dev.ferry.core.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behavioural judge: for every conversion case, what compose gives each container and what
 * the emitted manifests give it are computed independently and compared; every difference must
 * be named by a finding. The per-case results are docs/fidelity.md (regenerated with
 * {@code -Dferry.golden.update=true}; stale docs fail).
 */
class FidelityTest {
  @Test
  void everyCaseKeepsWorkingOrSaysWhy() throws IOException {
    List<String> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path dir : Cases.all()) {
      Cases.Converted c = Cases.convert(dir);
      Fidelity.Result r = FidelityCheck.of(c.load(), c.translation());
      String name = dir.getFileName().toString();
      rows.add(FidelityDoc.row(name, r));
      for (Fidelity.Difference d : r.unexplained()) failures.add(name + ": " + d);
    }
    assertTrue(rows.size() >= 10);
    Golden.check(Golden.repoRoot().resolve("docs/fidelity.md"), FidelityDoc.page(rows));
    assertEquals(List.of(), failures, "differences no finding explains");
  }

  @Test
  void theModelsSeeWhatTheyShould() {
    // the kubelet's expansion, as the Kubernetes side applies it
    assertEquals("http://db:5432/x", KubeSide.expand("http://$(HOST):5432/x", Map.of("HOST", "db")));
    assertEquals("$(UNSET) and $", KubeSide.expand("$(UNSET) and $$", Map.of()));
    // a difference is explained only by a finding that names it
    Fidelity.Difference d = new Fidelity.Difference("web", "db", "port", "5432", "db:5432 is not reachable");
    assertTrue(Fidelity.explains(d, List.of(new dev.ferry.core.diag.Diagnostic("x", dev.ferry.core.diag.Severity.INFO,
        dev.ferry.core.source.Position.UNKNOWN, "service \"db\" port 5432 ...", null, "db"))));
    assertTrue(!Fidelity.explains(d, List.of(new dev.ferry.core.diag.Diagnostic("x", dev.ferry.core.diag.Severity.INFO,
        dev.ferry.core.source.Position.UNKNOWN, "service \"db\" port 6379 ...", null, "db"))));
  }
}
