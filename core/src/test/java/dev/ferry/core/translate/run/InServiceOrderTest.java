package dev.ferry.core.translate.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translating services on several threads gives the sequential translation exactly: the same
 * objects (as annotated YAML), provenance links in the same order and the same findings. Forced
 * (from 0 services) on every convert case without translate options, and on a project built so
 * that later services depend on what earlier ones claimed or emitted (names taken first, the
 * shared job-waiter ServiceAccount emitted once).
 */
class InServiceOrderTest {
  @TestFactory
  Stream<DynamicTest> convertCasesTranslateTheSameOnEveryCore() throws IOException {
    return Cases.all().stream()
        .filter(d -> !Files.exists(d.resolve("case.yaml")))
        .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> same(load(d.resolve("input")))));
  }

  @Test
  void servicesThatDependOnEachOthersNamesTranslateTheSame(@TempDir Path dir) throws IOException {
    StringBuilder y = new StringBuilder("name: order\nservices:\n  migrate:\n    image: app:1\n    restart: \"no\"\n");
    for (int i = 0; i < 150; i++) {
      // web_7 and web-7 both want the name web-7; each Pod waits for the migrate Job (one shared ServiceAccount)
      String name = (i % 2 == 0 ? "web_" : "web-") + (i / 2);
      y.append("  ").append(name).append(":\n    image: nginx:1.27\n    ports: [\"").append(8000 + i).append(":80\"]\n")
          .append("    environment:\n      DB_HOST: db\n      PEER: ").append(i % 2 == 0 ? "web-" : "web_").append(i / 2).append(":80\n")
          .append("    depends_on:\n      migrate:\n        condition: service_completed_successfully\n");
    }
    y.append("  db:\n    image: postgres:16\n    volumes: [\"data:/var/lib/postgresql/data\"]\n    deploy: {replicas: 2}\nvolumes:\n  data: {}\n");
    Files.writeString(dir.resolve("compose.yaml"), y.toString());
    LoadResult r = load(dir);
    Translation t = same(r);
    assertTrue(t.objects().stream().filter(o -> o.getKind().equals("ServiceAccount")).count() == 1, "one job-waiter account");
  }

  private static LoadResult load(Path dir) {
    LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).build());
    assertFalse(r.hasErrors(), () -> "does not load: " + r.diagnostics());
    return r;
  }

  private static Translation same(LoadResult r) {
    TranslateOptions o = TranslateOptions.defaults();
    Translation one = Translator.translate(r.project(), r.sourceMap(), o, Integer.MAX_VALUE);
    Translation all = Translator.translate(r.project(), r.sourceMap(), o, 0);
    assertEquals(ManifestWriter.yamlStream(one, r.sourceMap(), true), ManifestWriter.yamlStream(all, r.sourceMap(), true));
    assertEquals(one.provenance().links(), all.provenance().links());
    assertEquals(one.diagnostics(), all.diagnostics());
    return all;
  }
}
