package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.core.helm.ChartWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: any string placed in a service's environment, command (container args) and labels
 * (Pod annotations) reads back as the same string from {@code ferry convert}'s manifests and from
 * the chart's values.yaml, through a YAML 1.1 reader (SnakeYAML, as kubectl and Helm) and a YAML
 * 1.2 core reader. Regression mode replays the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class StringsStayStringsFuzzTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Removed by JUnit after the class (a directory made by hand was left in the temporary directory at every run). */
  @TempDir static Path dir;

  static Path dir() {
    return dir;
  }

  @FuzzTest(maxDuration = "30s")
  void stringsReadBackIdentical(FuzzedDataProvider data) throws IOException {
    String s = data.consumeBoolean() ? data.pickValue(PlainScalarsTest.TRICKY) + data.consumeString(4)
        : data.consumeString(40);
    // what compose itself would change ($ interpolation, kubelet $(VAR) escaping) is not this property
    s = s.replace("$", "").replace("\r", "").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    if (s.isBlank() || !s.equals(s.strip())) return; // compose trims nothing, but a blank command is no command
    Map<String, Object> compose = Map.of("services", Map.of("app", Map.of(
        "image", "example/app:1.0", "expose", List.of("8080"),
        "environment", Map.of("VALUE", s), "command", List.of(s), "labels", Map.of("note", s))));
    Path f = dir().resolve("compose.yaml");
    Files.writeString(f, JSON.writeValueAsString(compose)); // JSON is YAML: the input is exact
    LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir()).file(f).build());
    if (r.hasErrors()) return;
    Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
    String manifests = ManifestWriter.yamlStream(t, r.sourceMap(), false);
    String values = ChartWriter.write(r.project(), r.sourceMap(), t, ChartWriter.Options.defaults()).get("values.yaml");
    for (List<Object> docs : List.of(YamlReaders.yaml11(manifests), YamlReaders.yaml12(manifests))) {
      Map<?, ?> deployment = docs.stream().map(d -> (Map<?, ?>) d).filter(d -> "Deployment".equals(d.get("kind")))
          .findFirst().orElseThrow();
      Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template");
      Map<?, ?> container = (Map<?, ?>) ((List<?>) ((Map<?, ?>) pod.get("spec")).get("containers")).get(0);
      Map<?, ?> env = (Map<?, ?>) ((List<?>) container.get("env")).get(0);
      assertEquals(s, env.get("value"), "env value");
      assertEquals(List.of(s), container.get("args"), "args");
      assertEquals(s, ((Map<?, ?>) ((Map<?, ?>) pod.get("metadata")).get("annotations")).get("note"), "label");
    }
    for (List<Object> docs : List.of(YamlReaders.yaml11(values), YamlReaders.yaml12(values))) {
      Map<?, ?> app = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) docs.get(0)).get("services")).get("app");
      assertEquals(s, ((Map<?, ?>) app.get("env")).get("VALUE"), "values.yaml env");
    }
  }
}
