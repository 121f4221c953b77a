package dev.ferry.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.testing.Cases;
import dev.ferry.core.testing.Golden;
import dev.ferry.core.testing.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of {@code convert}: each {@code testdata/convert/<case>/} has {@code input/} and
 * expected {@code manifests.yaml} (annotated, as {@code ferry convert --annotate} prints it) and
 * {@code findings.txt}; an optional {@code case.yaml} gives env and options. Every output must also
 * pass the Kubernetes client models and the API-server checks of {@link Manifests}, and converting
 * twice must give the same bytes.
 */
public class ConvertGoldenTest {
  static final Path CASES = Golden.repoRoot().resolve("testdata/convert");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertTrue(dirs.size() >= 10, "expected convert golden cases under " + CASES);
      return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  /** Loads and converts a case directory as the test (and the CLI) would (see {@link Cases#convert}). */
  public static Object[] convert(Path dir) throws IOException {
    Cases.Converted c = Cases.convert(dir);
    return new Object[] {c.load(), c.translation()};
  }

  static void run(Path dir) throws IOException {
    Object[] a = convert(dir);
    LoadResult r = (LoadResult) a[0];
    Translation t = (Translation) a[1];
    String yaml = ManifestWriter.yamlStream(t, r.sourceMap(), true).replace(dir.resolve("input").toAbsolutePath().toString(), "<input>");
    StringBuilder f = new StringBuilder();
    for (Diagnostic d : t.diagnostics()) {
      f.append(d.position()).append(": ").append(d.severity().label()).append(" [").append(d.code()).append("] ")
          .append(d.message()).append('\n');
    }
    Golden.check(dir.resolve("expected/manifests.yaml"), yaml);
    Golden.check(dir.resolve("expected/findings.txt"), f.toString().replace(dir.resolve("input").toAbsolutePath().toString(), "<input>"));
    assertEquals(List.of(), Manifests.problems(t.objects()), "emitted objects must be valid");
    for (Diagnostic d : t.diagnostics()) {
      assertTrue(d.position().line() >= 1 && d.position().column() >= 1, "finding without a position: " + d);
    }
    Translation again = (Translation) convert(dir)[1];
    assertEquals(yaml, ManifestWriter.yamlStream(again, r.sourceMap(), true).replace(dir.resolve("input").toAbsolutePath().toString(), "<input>"),
        "converting twice must give the same bytes");
  }
}
