package dev.ferry.core.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ferry.core.testing.Cases;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * values.schema.json with what services share in {@code definitions} (draft-07, {@code $ref}): the
 * chart's own values pass, and each kind of bad value is still refused, at its path, whether it sits in
 * a shared definition (a service's keys, a volume's size, a secret's values) or in what a service
 * adds itself (its volume names). Helm's own validators are run on it by ChartHelmTest.
 */
class ValuesSchemaTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void servicesReferToSharedDefinitions() throws IOException {
    JsonNode s = JsonMapper.builder().build().readTree(files("storage").get("values.schema.json"));
    assertEquals("#/definitions/service", s.at("/properties/services/properties/app/allOf/0/$ref").asString());
    assertEquals("#/definitions/volume", s.at("/properties/services/properties/app/allOf/1/properties/persistence/properties/src/$ref").asString());
    assertEquals("#/definitions/service-2", s.at("/properties/services/properties/indexer/$ref").asString());
    assertEquals(List.of("service", "volume", "service-2"), List.copyOf(s.get("definitions").propertyNames()));
  }

  @Test
  void defaultsPassAndGoodOverridesToo() throws IOException {
    for (String c : List.of("storage", "celery", "django-postgres", "steering")) assertEquals(List.of(), errors(c, v -> {}), c);
    assertEquals(List.of(), errors("storage", v -> at(v, "services", "app", "persistence", "shared").put("enabled", false)));
    assertEquals(List.of(), errors("storage", v -> at(v, "services", "indexer").put("replicas", 3)));
  }

  @Test
  void badValuesAreStillRefused() throws IOException {
    assertRefused("/services/indexer/replicas", "storage", v -> at(v, "services", "indexer").put("replicas", "three"));
    assertRefused("/services/app/replicas", "storage", v -> at(v, "services", "app").put("replicas", -1));
    assertRefused("/services/indexer", "storage", v -> at(v, "services", "indexer").put("replica", 2));
    assertRefused("/services/app", "storage", v -> at(v, "services", "app").put("replica", 2));
    assertRefused("/services/app/persistence/shared/size", "storage", v -> at(v, "services", "app", "persistence", "shared").put("size", "lots"));
    assertRefused("/services/app/persistence/src", "storage", v -> at(v, "services", "app", "persistence", "src").put("sise", "2Gi"));
    assertRefused("/services/app/persistence", "storage", v -> at(v, "services", "app", "persistence").putObject("sahred").put("enabled", false));
    assertRefused("/services/indexer/persistence", "storage", v -> at(v, "services", "indexer", "persistence").putObject("src").put("enabled", false));
    assertRefused("/services/app/persistence", "storage", v -> at(v, "services", "app").put("persistence", "none"));
    assertRefused("/services/app/image/pullPolicy", "storage", v -> at(v, "services", "app", "image").put("pullPolicy", "Sometimes"));
    assertRefused("/services", "storage", v -> at(v, "services").putObject("ghost").put("enabled", true));
    assertRefused("/secrets/db-password/stringData/x", "celery", v -> at(v, "secrets", "db-password", "stringData").putObject("x"));
    assertRefused("/secrets/web-env", "celery", v -> at(v, "secrets", "web-env").put("existing", "s"));
  }

  private static void assertRefused(String path, String c, Consumer<ObjectNode> change) throws IOException {
    List<String> errors = errors(c, change);
    assertFalse(errors.isEmpty(), c + ": nothing refused at " + path);
    assertTrue(errors.stream().allMatch(e -> e.startsWith(path)), c + ": " + errors);
  }

  /** The instance paths and messages of the schema's errors for the chart's default values after {@code change}. */
  private static List<String> errors(String c, Consumer<ObjectNode> change) throws IOException {
    Map<String, String> files = files(c);
    ObjectNode values = (ObjectNode) YAML.readTree(files.get("values.yaml"));
    change.accept(values);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(files.get("values.schema.json"), InputFormat.JSON);
    return schema.validate(values).stream().map(ValuesSchemaTest::describe).toList();
  }

  private static String describe(Error e) {
    return e.getInstanceLocation().toString().replace("$", "").replace('.', '/') + " " + e.getMessage();
  }

  private static ObjectNode at(ObjectNode v, String... path) {
    ObjectNode n = v;
    for (String k : path) n = (ObjectNode) n.get(k);
    return n;
  }

  private static Map<String, String> files(String c) throws IOException {
    Cases.Converted cv = Cases.convert(Cases.DIR.resolve(c));
    return ChartWriter.write(cv.load().project(), cv.load().sourceMap(), cv.translation(), ChartWriter.Options.defaults());
  }
}
