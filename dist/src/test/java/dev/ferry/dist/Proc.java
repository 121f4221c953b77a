package dev.ferry.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished process: exit code, stdout and stderr (test helper). */
record Proc(int code, String out, String err) {
  /** Runs {@code cmd} in {@code dir} with exactly {@code env} as its environment. */
  static Proc run(Path dir, Map<String, String> env, List<String> cmd) {
    return start(dir, env, cmd).await();
  }

  static Started start(Path dir, Map<String, String> env, List<String> cmd) {
    try {
      Path out = Files.createTempFile("proc", ".out");
      Path err = Files.createTempFile("proc", ".err");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().clear();
      pb.environment().putAll(env);
      return new Started(pb.start(), out, err, cmd);
    } catch (IOException e) {
      throw new AssertionError("cannot start " + cmd, e);
    }
  }

  /** A running process whose output goes to temporary files. */
  record Started(Process process, Path out, Path err, List<String> cmd) {
    Proc await() {
      try {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("timed out: " + cmd);
        }
        Proc p = new Proc(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return p;
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
