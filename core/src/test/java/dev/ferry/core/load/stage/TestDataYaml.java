package dev.ferry.core.load.stage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * YAML texts for the loader's properties: every YAML file of the project's testdata, and texts a
 * structure-aware fuzz target puts together from pieces.
 */
public final class TestDataYaml {
  private TestDataYaml() {}

  public static List<String> texts() throws IOException {
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

  /** Up to {@code maxPieces} of {@code pieces}, chosen by {@code data}, one after the other. */
  public static String fromPieces(FuzzedDataProvider data, String[] pieces, int maxPieces) {
    StringBuilder b = new StringBuilder();
    int n = data.consumeInt(0, maxPieces);
    for (int i = 0; i < n && data.remainingBytes() > 0; i++) b.append(pieces[data.consumeInt(0, pieces.length - 1)]);
    return b.toString();
  }
}
