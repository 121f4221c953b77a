package dev.ferry.core.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.emit.ConfigWriter;
import dev.ferry.core.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Golden tests of the loader: each {@code testdata/load/<case>/} has {@code input/} (compose files,
 * .env, ...), an optional {@code case.yaml} (files, env, profiles, env_files) and expected outputs
 * {@code expected/config.yaml} (what {@code ferry config} prints, when loading succeeds) and
 * {@code expected/diagnostics.txt} (every diagnostic, sorted).
 */
class LoadGoldenTest {
  static final Path CASES = Golden.repoRoot().resolve("testdata/load");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertTrue(dirs.size() >= 10, "expected loader golden cases under " + CASES);
      return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  @SuppressWarnings("unchecked")
  static void run(Path dir) throws IOException {
    Map<String, Object> spec = Map.of();
    Path caseFile = dir.resolve("case.yaml");
    if (Files.exists(caseFile)) {
      Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(caseFile));
      if (o instanceof Map<?, ?> m) spec = (Map<String, Object>) m;
    }
    Path input = dir.resolve("input");
    if ("too-large".equals(spec.get("generate"))) {
      input = Files.createTempDirectory("ferry-too-large");
      StringBuilder b = new StringBuilder("services:\n  web:\n    image: nginx:1.25\n");
      String filler = "# " + "x".repeat(1000) + "\n";
      while (b.length() < 9 * 1024 * 1024) b.append(filler);
      Files.writeString(input.resolve("compose.yaml"), b.toString());
    }
    LoadOptions.Builder opts = LoadOptions.builder().workingDirectory(input);
    for (Object f : (List<Object>) spec.getOrDefault("files", List.of())) opts.file(Path.of(f.toString()));
    for (Object f : (List<Object>) spec.getOrDefault("env_files", List.of())) opts.envFile(Path.of(f.toString()));
    for (Object p : (List<Object>) spec.getOrDefault("profiles", List.of())) opts.profile(p.toString());
    ((Map<Object, Object>) spec.getOrDefault("env", Map.of())).forEach((k, v) -> opts.env(k.toString(), v.toString()));
    opts.strict(!Boolean.FALSE.equals(spec.get("strict")));
    LoadResult r = ComposeLoader.load(opts.build());
    StringBuilder diags = new StringBuilder();
    for (Diagnostic d : r.diagnostics()) {
      diags.append(d.position()).append(": ").append(d.severity().label())
          .append(" [").append(d.code()).append("] ").append(d.message()).append('\n');
    }
    String config = r.project() != null && !r.hasErrors() ? ConfigWriter.write(r.project()) : "";
    Golden.check(dir.resolve("expected/diagnostics.txt"), diags.toString());
    Golden.check(dir.resolve("expected/config.yaml"), config);
    if (dir.getFileName().toString().startsWith("err-")) {
      assertTrue(r.hasErrors(), "error case must produce errors");
      for (Diagnostic d : r.errors()) {
        assertTrue(d.position().line() >= 1 && d.position().column() >= 1, "error without a position: " + d);
      }
    }
    LoadResult second = ComposeLoader.load(opts.build());
    String config2 = second.project() != null && !second.hasErrors() ? ConfigWriter.write(second.project()) : "";
    assertTrue(config.equals(config2) && r.diagnostics().equals(second.diagnostics()), "loading twice must give the same output");
    if ("too-large".equals(spec.get("generate"))) { // the 9 MB file made above is not left in the temporary directory
      Files.delete(input.resolve("compose.yaml"));
      Files.delete(input);
    }
  }
}
