package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.translate.Translation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON list written item by item equals the pretty printer's text for the whole list. */
class JsonListTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Test
  void itemByItemEqualsTheWholeList() {
    List<HasMetadata> samples = EmitWarmUp.samples();
    for (int n : new int[] {0, 1, 2, 5, 400}) {
      List<HasMetadata> objects = new ArrayList<>();
      for (int i = 0; i < n; i++) objects.add(samples.get(i % samples.size()));
      Translation t = new Translation(objects, null, List.of());
      assertEquals(whole(objects), ManifestWriter.json(t), n + " objects");
    }
  }

  /** The list as one tree through the pretty printer: what convert --format json wrote before. */
  private static String whole(List<HasMetadata> objects) {
    ObjectNode list = MAPPER.createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    var items = list.putArray("items");
    for (HasMetadata o : objects) items.add(ManifestWriter.tree(o));
    return MAPPER.writeValueAsString(list) + "\n";
  }
}
