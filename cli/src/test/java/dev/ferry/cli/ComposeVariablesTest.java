package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose's own variables reach ferry from the process environment, as a user's shell (or
 * CI) sets them: COMPOSE_FILE with the default separator and with COMPOSE_PATH_SEPARATOR, from
 * the shell and from .env, and -f over COMPOSE_FILE, COMPOSE_PROJECT_NAME over name:. Runs the
 * CLI as its own process, since the environment is the process's.
 */
class ComposeVariablesTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run ferry(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  private void project() throws IOException {
    Files.writeString(dir.resolve("base.yaml"), "name: fromfile\nservices:\n  web:\n    image: nginx:1.27\n");
    Files.createDirectories(dir.resolve("ops"));
    Files.writeString(dir.resolve("ops/extra.yaml"), "services:\n  worker:\n    image: busybox:1.36.1\n");
  }

  @Test
  void composeFileWithTheDefaultSeparator() throws Exception {
    project();
    Run r = ferry(Map.of("COMPOSE_FILE", "base.yaml:ops/extra.yaml"), "config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("web:") && r.out().contains("worker:"), r.out());
  }

  @Test
  void composeFileWithComposePathSeparator() throws Exception {
    project();
    Run r = ferry(Map.of("COMPOSE_FILE", "base.yaml;ops/extra.yaml", "COMPOSE_PATH_SEPARATOR", ";"), "convert");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("name: web") && r.out().contains("name: worker"), r.out());
  }

  @Test
  void composeFileFromDotEnvAndFlagsWin() throws Exception {
    project();
    Files.writeString(dir.resolve(".env"), "COMPOSE_FILE=base.yaml:ops/extra.yaml\nCOMPOSE_PROJECT_NAME=fromdotenv\n");
    Run r = ferry(Map.of(), "config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("worker:") && r.out().contains("name: fromdotenv"), r.out());
    Run shell = ferry(Map.of("COMPOSE_PROJECT_NAME", "fromshell"), "config");
    assertTrue(shell.out().contains("name: fromshell"), shell.out());
    Run flags = ferry(Map.of("COMPOSE_PROJECT_NAME", "fromshell"), "config", "-f", "base.yaml", "-p", "fromflag");
    assertEquals(0, flags.code(), flags.err());
    assertTrue(flags.out().contains("name: fromflag") && !flags.out().contains("worker:"), flags.out());
  }

  @Test
  void composeEnvFilesReplaceDotEnvAndProfilesComeFromTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:${TAG}\n"
        + "  debug:\n    image: busybox:1.36.1\n    profiles: [debug]\n");
    Files.writeString(dir.resolve(".env"), "TAG=1.25\n");
    Files.writeString(dir.resolve("ci.env"), "TAG=1.27\n");
    Run r = ferry(Map.of("COMPOSE_ENV_FILES", "ci.env", "COMPOSE_PROFILES", "debug"), "config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("image: nginx:1.27") && r.out().contains("debug:"), r.out());
  }

  @Test
  void aMissingComposeFileIsAnError() throws Exception {
    project();
    Run r = ferry(Map.of("COMPOSE_FILE", "base.yaml:nope.yaml"), "convert");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nope.yaml:1:1: no such file"), r.err());
  }
}
