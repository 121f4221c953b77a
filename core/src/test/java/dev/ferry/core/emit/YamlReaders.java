package dev.ferry.core.emit;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;

/** The two ways ferry's output is read: YAML 1.1 (kubectl, Helm; SnakeYAML) and the YAML 1.2 core schema. */
public final class YamlReaders {
  private YamlReaders() {}

  /** Every document of {@code text} through SnakeYAML's YAML 1.1 resolver. */
  public static List<Object> yaml11(String text) {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(64 * 1024 * 1024);
    List<Object> out = new ArrayList<>();
    for (Object d : new org.yaml.snakeyaml.Yaml(o).loadAll(text)) if (d != null) out.add(d);
    return out;
  }

  /** Every document of {@code text} through snakeyaml-engine with the YAML 1.2 core schema. */
  public static List<Object> yaml12(String text) {
    LoadSettings s = LoadSettings.builder().setSchema(new CoreSchema()).setCodePointLimit(64 * 1024 * 1024).build();
    List<Object> out = new ArrayList<>();
    for (Object d : new Load(s).loadAllFromString(text)) if (d != null) out.add(d);
    return out;
  }
}
