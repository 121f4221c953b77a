package dev.ferry.rules.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SARIF's artifactLocation.uri is a URI reference: a file name with a space or 'é' is percent-encoded. */
class SarifUriTest {
  @Test
  void fileNamesBecomeRelativeUriReferencesThatDecodeBack() {
    assertEquals("my%20proj/donn%C3%A9es/a%3Ab.yaml", SarifFormat.uri("my proj/données/a:b.yaml"));
    assertEquals("deploy/compose.yaml", SarifFormat.uri("deploy\\compose.yaml"));
    for (String name : List.of("compose.yaml", "my proj/compose.yaml", "données/compose.yaml", "a:b/c#d?e%f[g].yaml",
        "/abs/path/compose.yaml", "😀/x.yml")) {
      URI u = URI.create(SarifFormat.uri(name)); // throws on a raw space, '#' twice, '%' not followed by two hex digits...
      assertNull(u.getScheme(), name);
      assertEquals(name, u.getPath(), name);
    }
  }
}
