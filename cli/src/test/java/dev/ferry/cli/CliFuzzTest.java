package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole CLI commands over hostile and careless projects: whatever the input, every command
 * (config, convert, lint, lint --fix, chart, explain text and HTML, with or without a
 * .ferry.yaml) ends with exit 0, 1 or 2, never lets a Java exception or stack trace reach stderr
 * ({@link Cli#assertNoTrace}), and stays within a per-input budget of {@link #TIME_BUDGET_MS} of
 * CPU time and the heap of the test JVM (cli/pom.xml runs the tests with {@code -Xmx1g}: an
 * input that needs more ends in an OutOfMemoryError, which the fuzzer reports as a finding; peak
 * heap measured in-process counts uncollected garbage and is no sound budget) (a hang, a quadratic step or an expansion that
 * multiplies fails the input instead of timing out the run).
 *
 * <p>An input is either a {@link HostileProject} script (the committed seeds in
 * CliFuzzTestInputs: every row of issue 17's table, human-readable) or, when its last byte is
 * odd, a project built by {@link HostileProject#generate} from the fuzzer's choices: YAML with
 * anchors, merge keys, tags, long scalars, deep nesting, port ranges and interpolation.
 * Regression mode ({@code mvn verify}) replays the seeds; {@code JAZZER_FUZZ=1} fuzzes
 * (.ci/run does, for a bounded time).
 */
class CliFuzzTest {
  /** CPU time of the command's thread, not wall time: a busy machine does not fail the budget. */
  static final long TIME_BUDGET_MS = 10_000;


  @FuzzTest(maxDuration = "60s")
  void everyCommandAnswersWithinBudget(FuzzedDataProvider data) throws IOException {
    HostileProject p = data.consumeBoolean() ? HostileProject.generate(data)
        : HostileProject.parse(data.consumeRemainingAsString());
    Path dir = Files.createTempDirectory("ferry-cli-fuzz");
    try {
      List<String> args = p.write(dir);
      com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      long alloc0 = mx.getThreadAllocatedBytes(id);
      long t0 = mx.getCurrentThreadCpuTime();
      Cli r = Cli.unchecked(args.toArray(String[]::new));
      long ms = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
      long alloc = mx.getThreadAllocatedBytes(id) - alloc0;
      Cli.assertNoTrace(r.err(), p.files().values()); // after the measure: the check is the test's time, not ferry's
      String what = String.join(" ", args) + " -> exit " + r.code() + ", " + ms + " ms CPU, "
          + (alloc >> 20) + " MB allocated; stderr: " + head(r.err());
      assertTrue(r.code() >= 0 && r.code() <= 2, what);
      assertTrue(!Cli.internalError(r.err()), what);
      assertTrue(ms <= TIME_BUDGET_MS, "over the time budget: " + what);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }

  private static String head(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }
}
