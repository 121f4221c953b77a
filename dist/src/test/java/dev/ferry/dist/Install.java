package dev.ferry.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A release archive unpacked into an empty directory, and the environment a user with only a Java
 * runtime has: a PATH holding java and the few POSIX utilities the launcher calls (no Maven), a
 * fresh HOME whose cache directory receives the CDS archive.
 */
record Install(Path root, Path home, Path tools, Map<String, String> env) {
  /** The utilities bin/ferry calls besides shell built-ins. */
  static final List<String> UTILITIES = List.of("stat", "cksum", "mkdir", "rm", "mv", "sed", "readlink");

  static Path archive() {
    return Path.of(System.getProperty("ferry.archive"));
  }

  static String version() {
    return System.getProperty("ferry.version");
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("ferry.repo.root")).toAbsolutePath().normalize();
  }

  /** Unpacks {@code archive} (tar.gz or zip) under {@code base}/unpacked. */
  static Install unpack(Path archive, Path base) throws IOException {
    Path dir = Files.createDirectories(base.resolve("unpacked"));
    List<String> cmd = archive.toString().endsWith(".zip")
        ? List.of("unzip", "-q", archive.toString(), "-d", dir.toString())
        : List.of("tar", "xzf", archive.toString(), "-C", dir.toString());
    Proc p = Proc.run(dir, Map.of("PATH", System.getenv("PATH")), cmd);
    assertEquals(0, p.code(), p::toString);
    Path root = dir.resolve("ferry-" + version());
    Path tools = Files.createDirectories(base.resolve("tools"));
    link(tools, "java", Path.of(System.getProperty("java.home"), "bin", "java"));
    for (String u : UTILITIES) link(tools, u, which(u));
    Path home = Files.createDirectories(base.resolve("home"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", tools.toString());
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    Install in = new Install(root, home, tools, env);
    assertNotEquals(0, in.sh("command -v mvn").code(), "mvn must not be on the test's PATH");
    return in;
  }

  Proc ferry(Path cwd, String... args) {
    return ferry(cwd, env, args);
  }

  Proc ferry(Path cwd, Map<String, String> environment, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("bin/ferry").toString()));
    cmd.addAll(List.of(args));
    return Proc.run(cwd, environment, cmd);
  }

  Proc sh(String script) {
    return Proc.run(root, env, List.of("/bin/sh", "-c", script));
  }

  Path cache() {
    return home.resolve(".cache/ferry");
  }

  /** A one-line wrapper rather than a symbolic link (the temporary directory is deleted afterwards). */
  private static void link(Path dir, String name, Path target) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\nexec '" + target + "' \"$@\"\n");
    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Path which(String tool) {
    for (String d : System.getenv("PATH").split(":")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return p;
    }
    throw new AssertionError(tool + " not found on PATH");
  }
}
