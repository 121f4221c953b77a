package dev.ferry.core.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.testing.Cases;
import dev.ferry.core.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden charts: {@code testdata/chart/<case>/expected/} holds every file {@code ferry chart} writes
 * for {@code testdata/convert/<case>/input} (reviewed by reading; {@code -Dferry.golden.update=true}
 * rewrites them). A file missing from or extra in the expected tree fails, and charting twice must
 * give the same bytes.
 */
class ChartGoldenTest {
  static final Path CASES = Golden.repoRoot().resolve("testdata/chart");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertTrue(dirs.stream().anyMatch(d -> d.getFileName().toString().equals("celery")) && dirs.size() >= 3,
          "expected at least three golden charts, celery among them, under " + CASES);
      return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  private static void run(Path dir) throws IOException {
    Path input = Cases.DIR.resolve(dir.getFileName().toString());
    assertTrue(Files.isDirectory(input), "no conversion case " + input + " for golden chart " + dir);
    Map<String, String> files = chart(input);
    Path expected = dir.resolve("expected");
    TreeSet<String> present = new TreeSet<>();
    if (Files.isDirectory(expected)) {
      try (Stream<Path> s = Files.walk(expected)) {
        s.filter(Files::isRegularFile).forEach(p -> present.add(expected.relativize(p).toString()));
      }
    }
    for (String extra : present) {
      if (!files.containsKey(extra)) Golden.check(expected.resolve(extra), "");
    }
    for (Map.Entry<String, String> f : files.entrySet()) Golden.check(expected.resolve(f.getKey()), f.getValue());
    assertEquals(files, chart(input), "charting twice must give the same bytes");
  }

  private static Map<String, String> chart(Path input) throws IOException {
    Cases.Converted c = Cases.convert(input);
    return ChartWriter.write(c.load().project(), c.load().sourceMap(), c.translation(), ChartWriter.Options.defaults());
  }
}
