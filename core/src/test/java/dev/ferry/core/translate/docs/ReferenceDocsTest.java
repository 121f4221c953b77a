package dev.ferry.core.translate.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.knowledge.ComposeKeys;
import dev.ferry.core.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The conversion reference covers the whole compose-spec, and the committed docs match the code. */
class ReferenceDocsTest {
  @Test
  void everyServicePropertyOfTheSchemaHasAFate() throws IOException {
    JsonNode schema;
    try (InputStream in = ComposeKeys.class.getResourceAsStream("/dev/ferry/core/compose-spec.json")) {
      schema = JsonMapper.builder().build().readTree(in);
    }
    List<String> missing = new ArrayList<>();
    for (String k : new TreeSet<>(schema.get("$defs").get("service").get("properties").propertyNames())) {
      if (ComposeKeys.service(k) == null) missing.add(k);
    }
    for (String k : new TreeSet<>(schema.get("$defs").get("deployment").get("properties").propertyNames())) {
      if (ComposeKeys.deploy(k) == null) missing.add("deploy." + k);
    }
    assertEquals(List.of(), missing, "compose keys the compose-key catalogue (ComposeKeys) does not list");
    // pre_start hooks: every option of the hook is named in the row that says what becomes of it
    for (String k : schema.get("$defs").get("pre_start_hook").get("properties").propertyNames()) {
      if (!ComposeKeys.service("pre_start").target().contains(k)) missing.add("pre_start." + k);
    }
    assertEquals(List.of(), missing, "pre_start hook options the conversion reference does not name");
    assertTrue(ComposeKeys.SERVICE.size() >= 90);
  }

  @Test
  void conversionDocIsUpToDate() {
    Golden.check(Golden.repoRoot().resolve("docs/conversion.md"), ReferenceDocs.conversion());
  }

  @Test
  void steeringDocIsUpToDate() {
    Golden.check(Golden.repoRoot().resolve("docs/steering.md"), ReferenceDocs.steering());
  }
}
