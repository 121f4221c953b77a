package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bench/Phases.java (the phase timer docs/performance.md quotes) still compiles against ferry's
 * classes and times every phase of each command it knows: run as a single-file program, as the
 * docs say, over the voting-app example.
 */
class BenchPhasesTest {
  @ParameterizedTest
  @CsvSource({"convert, emit", "explain, alignment", "html, write", "chart, chart files"})
  void timesEveryPhase(String command, String ownPhase) throws Exception {
    Path root = HostileInputTest.repoRoot();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m",
        "-cp", System.getProperty("java.class.path"), root.resolve("bench/Phases.java").toString(), command,
        root.resolve("examples/voting-app/compose.yaml").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bench/Phases.java did not end");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith(command + ": "), out);
    for (String phase : List.of("load", "translate", ownPhase)) {
      assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(phase) && l.contains(" s ") && l.contains("old generation")),
          "no line for phase " + phase + ":\n" + out);
    }
  }
}
