package dev.ferry.core.helm;

import dev.ferry.core.testing.Golden;
import org.junit.jupiter.api.Test;

/** docs/helm.md is generated from the values reference; the committed file must match the code. */
class HelmDocsTest {
  @Test
  void helmDocIsUpToDate() {
    Golden.check(Golden.repoRoot().resolve("docs/helm.md"), HelmDocs.markdown());
  }
}
