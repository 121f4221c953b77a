package dev.ferry.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps its class-data-sharing archive in use across a rebuild: {@code mvn verify}
 * rewrites the jar with the same bytes and a new modification time, which the JVM checks before it
 * maps an archive. Each run here uses {@code -Xshare:on} (a rejected archive is a start-up error,
 * not a silent fallback) and {@code -Xlog:class+load} to show where ferry's classes come from.
 */
class LauncherCdsIT {
  @TempDir Path tmp;

  @Test
  void archiveStaysInUseAfterTheJarIsRewrittenWithTheSameBytes() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    assertEquals(0, in.ferry(tmp, "--version").code());
    assertSharedArchiveInUse(in);

    // A rebuild: same bytes, new modification time (as the shade plugin writes it again).
    Path jar = in.root().resolve("lib/ferry.jar");
    Path copy = tmp.resolve("ferry.jar");
    Files.copy(jar, copy);
    Files.copy(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 60_000));
    assertSharedArchiveInUse(in);
    assertEquals(1, cacheFiles(in).stream().filter(n -> n.endsWith(".jsa")).count(), "the stale archive is deleted: " + cacheFiles(in));
    assertEquals(List.of(), cacheFiles(in).stream().filter(n -> !n.endsWith(".jsa") && !n.startsWith("jar-")).toList(),
        "no temporary files left in the cache");
  }

  @Test
  void repositoryLauncherUsesTheSameStartUpPath() throws IOException {
    // ./ferry of a checkout runs the release launcher on cli/target/ferry.jar with its own cache.
    Path root = Install.repoRoot();
    String launcher = Files.readString(root.resolve("ferry"));
    assertTrue(launcher.contains("exec \"$ROOT/cli/src/main/sh/ferry\""), launcher);
    Install in = Install.unpack(Install.archive(), tmp);
    Map<String, String> env = new HashMap<>(in.env());
    Path jar = Files.copy(root.resolve("cli/target/ferry.jar"), tmp.resolve("checkout.jar"));
    env.put("FERRY_JAR", jar.toString());
    env.put("FERRY_CACHE_DIR", tmp.resolve("launcher-cache").toString());
    env.put("FERRY_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
    Proc p = Proc.run(tmp, env, List.of(root.resolve("cli/src/main/sh/ferry").toString(), "--version"));
    assertEquals(0, p.code(), p::toString);
    assertTrue(p.out().contains("dev.ferry.cli.Main source: shared objects file"), p::toString);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    Proc again = Proc.run(tmp, env, List.of(root.resolve("cli/src/main/sh/ferry").toString(), "--version"));
    assertTrue(again.out().contains("dev.ferry.cli.Main source: shared objects file"), again::toString);
  }

  @Test
  void largeInputRunsWithTheParallelCollectorAndTheSameArchive() throws IOException {
    // Over 1 MiB (about 2,000 services) the launcher picks the parallel collector; below, the serial one,
    // which starts fastest. Either way the archive (dumped with the serial collector) is mapped.
    Install in = Install.unpack(Install.archive(), tmp);
    StringBuilder big = new StringBuilder("services:\n");
    for (int i = 0; big.length() <= (1 << 20) + 1000; i++) {
      big.append("  s").append(i).append(":\n    image: nginx:1.27\n    environment:\n      PADDING: \"")
          .append("x".repeat(200)).append("\"\n");
    }
    Path large = Files.writeString(tmp.resolve("large.yaml"), big);
    while (big.length() <= (4 << 20) + 1000) big.append(big, "services:\n".length(), big.length()); // repeated keys: still a file to size
    Path larger = Files.writeString(tmp.resolve("larger.yaml"), big);
    Path small = Files.writeString(tmp.resolve("small.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.copy(large, project.resolve("compose.yaml"));
    Map<String, String> env = new HashMap<>(in.env());
    env.put("FERRY_JAVA_OPTS", "-Xshare:on -XX:+PrintCommandLineFlags");
    assertCollector(in.ferry(tmp, env, "config", "-f", large.toString()), "+UseParallelGC");
    assertHeap(in.ferry(tmp, env, "config", "-f", large.toString()), "3");
    // over 4 MiB explain and chart start with a larger heap still (no full collection at ~10,000
    // services), the other commands do not (exit 2, as the file's keys repeat: the flags are the point)
    assertHeap(in.ferry(tmp, env, "explain", "-f", larger.toString()), "8");
    assertHeap(in.ferry(tmp, env, "chart", "-f", larger.toString(), "-o", tmp.resolve("chart").toString()), "8");
    assertHeap(in.ferry(tmp, env, "config", "-f", larger.toString()), "3");
    // over 1 MiB convert, lint, explain and chart also fix the young generation at 256 MB and promote
    // at once, where memory is 4 GB or more; config does not, nor does a small input
    boolean roomy = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() >= 4L << 30;
    assertYoung(in.ferry(tmp, env, "explain", "-f", larger.toString()), roomy);
    assertYoung(in.ferry(tmp, env, "chart", "-f", larger.toString(), "-o", tmp.resolve("chart").toString()), roomy);
    assertYoung(in.ferry(tmp, env, "convert", "-f", large.toString()), roomy);
    assertYoung(in.ferry(tmp, env, "lint", "-f", large.toString()), roomy);
    assertYoung(in.ferry(tmp, env, "explain", "-f", large.toString()), roomy);
    assertYoung(in.ferry(tmp, env, "config", "-f", larger.toString()), false);
    assertYoung(in.ferry(tmp, env, "convert", "-f", small.toString()), false);
    assertCollector(in.ferry(tmp, env, "config", "--file=" + large), "+UseParallelGC");
    assertCollector(in.ferry(tmp, env, "lint", "-f" + large), "+UseParallelGC");
    assertCollector(in.ferry(project, env, "config"), "+UseParallelGC"); // the default compose.yaml
    assertCollector(in.ferry(tmp, env, "config", "-f", small.toString()), "+UseSerialGC");
    assertCollector(in.ferry(tmp, env, "--version"), "+UseSerialGC");
  }

  private static void assertCollector(Proc p, String flag) {
    assertTrue(p.code() == 0 || p.code() == 1, p::toString); // lint may exit 1 on findings
    assertTrue(p.out().contains(flag), p::toString);
    assertTrue(!p.out().contains(flag.equals("+UseSerialGC") ? "+UseParallelGC" : "+UseSerialGC"), p::toString);
    // a large input also gets the larger, half-young first heap; a small one keeps the JVM's defaults
    assertEquals(flag.equals("+UseParallelGC"), p.out().contains("-XX:NewRatio=1 "), p::toString);
    // every input asks for transparent huge pages where the kernel gives them on request, never a JVM warning
    assertEquals(hugePagesOnRequest(), p.out().contains("-XX:+UseTransparentHugePages"), p::toString);
    assertTrue(!(p.out() + p.err()).contains("VM warning") && !(p.out() + p.err()).contains("[warning]"), p::toString);
  }

  /** Whether this machine's kernel gives transparent huge pages to a process that asks ({@code [madvise]}). */
  private static boolean hugePagesOnRequest() {
    try {
      return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]");
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the run's young generation was fixed at 256 MB and promoted at once ({@code -Xmn256m -XX:MaxTenuringThreshold=0}), and never a JVM warning. */
  private static void assertYoung(Proc p, boolean fixed) {
    assertEquals(fixed, p.out().contains("-XX:NewSize=268435456 "), p::toString);
    assertEquals(fixed, p.out().contains("-XX:MaxNewSize=268435456 "), p::toString);
    assertEquals(fixed, p.out().contains("-XX:MaxTenuringThreshold=0 "), p::toString);
    assertTrue(!(p.out() + p.err()).contains("VM warning") && !(p.out() + p.err()).contains("[warning]"), p::toString);
  }

  private static void assertHeap(Proc p, String percent) {
    assertTrue(p.out().contains("-XX:InitialRAMPercentage=" + percent + ".000000 "), p::toString);
  }

  private static void assertSharedArchiveInUse(Install in) {
    Map<String, String> env = new HashMap<>(in.env());
    env.put("FERRY_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
    Proc p = in.ferry(in.home(), env, "--help"); // builds every command's picocli model
    assertEquals(0, p.code(), p::toString);
    assertTrue(p.out().contains("dev.ferry.cli.Main source: shared objects file"), p::toString);
    assertTrue(p.out().contains("dev.ferry.cli.command.LintCommand source: shared objects file"), p::toString);
    assertTrue(p.out().contains("picocli.CommandLine source: shared objects file"), p::toString);
    assertTrue(p.out().contains("\nUsage: ferry "), p::toString);
  }

  private static List<String> cacheFiles(Install in) throws IOException {
    try (var s = Files.list(in.cache())) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
