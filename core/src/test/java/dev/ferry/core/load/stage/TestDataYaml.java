package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The texts of every YAML file of the project's testdata, for properties checked on all of them. */
final class TestDataYaml {
  private TestDataYaml() {}

  static List<String> texts() throws IOException {
    Path root = Path.of("..", "testdata");
    assertTrue(Files.isDirectory(root), "testdata not found from " + Path.of("").toAbsolutePath());
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) continue;
        out.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
