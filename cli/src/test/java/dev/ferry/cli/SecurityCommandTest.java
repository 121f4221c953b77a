package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 18 from the command line: what ferry writes, deletes, reads and prints. */
class SecurityCommandTest {
  static final String WEB = "name: shop\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n";

  /** Runs with stdout on /dev/full: every write fails with ENOSPC. */
  static Cli runToFullDisk(String... args) throws IOException {
    CommandLine cl = FerryCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new FileOutputStream("/dev/full")));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Cli(code, "", err.toString());
  }

  @Test
  void aFullDiskIsAnErrorForEveryCommandThatPrints(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("compose.yaml"), WEB);
    for (String cmd : List.of("config", "convert", "lint", "explain")) {
      Cli r = runToFullDisk(cmd, "-f", f.toString());
      assertEquals(2, r.code(), cmd + ": " + r.err());
      assertTrue(r.err().contains("cannot write to standard output"), cmd + ": " + r.err());
    }
    assertEquals(0, Cli.run("convert", "-f", f.toString()).code(), "the same run to a working stdout succeeds");
  }

  @Test
  void explainHtmlNeverReplacesDevicesOrCreatesDirectories(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("compose.yaml"), WEB);
    Cli dev = Cli.run("explain", "-f", f.toString(), "--html", "/dev/full");
    assertEquals(2, dev.code());
    assertTrue(dev.err().contains("a device, FIFO or socket, not a regular file"), dev.err());
    Cli dir = Cli.run("explain", "-f", f.toString(), "--html", tmp.resolve("nonexistent/dir/r.html").toString());
    assertEquals(2, dir.code());
    assertFalse(Files.exists(tmp.resolve("nonexistent")));
    Path html = tmp.resolve("r.html");
    assertEquals(0, Cli.run("explain", "-f", f.toString(), "--html", html.toString()).code());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(html)));
  }

  @Test
  void chartIntoALinkedTemplatesDirectoryWritesNothingThere(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("compose.yaml"), WEB + "    environment:\n      DB_PASSWORD: hunter2\n");
    Path victim = Files.createDirectory(tmp.resolve("victim"));
    Path c = Files.createDirectory(tmp.resolve("c"));
    Files.createSymbolicLink(c.resolve("templates"), victim);
    Cli r = Cli.run("chart", "-f", f.toString(), "-o", c.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("symbolic link"), r.err());
    try (Stream<Path> s = Files.list(victim)) {
      assertEquals(0, s.count());
    }
    Path out = tmp.resolve("chart");
    assertEquals(0, Cli.run("chart", "-f", f.toString(), "-o", out.toString()).code());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("values.yaml"))),
        "values.yaml holds the Secret's values");
  }

  @Test
  void filesOutsideTheProjectNeverShowTheirContents(@TempDir Path tmp) throws IOException {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.writeString(shared.resolve("shadow"), "root:$6$SALTSALT$HASHHASH:19000:0:99999:7:::\nSECRETLINE with: x\n");
    Path proj = Files.createDirectory(tmp.resolve("proj"));
    Path f = Files.writeString(proj.resolve("compose.yaml"), "name: p\ninclude:\n  - ../shared/shadow\nservices:\n"
        + "  web:\n    image: nginx:1.27\n    env_file: ../shared/shadow\n");
    for (String format : List.of("text", "sarif", "json", "github", "compact")) {
      Cli r = Cli.run("lint", "--format", format, f.toString());
      assertFalse(r.out().contains("HASHHASH") || r.out().contains("SECRETLINE"), format + ": " + r.out());
      assertTrue(r.out().contains("file-outside-project"), format + ": " + r.out());
    }
    for (String cmd : List.of("config", "convert", "chart", "explain")) {
      List<String> args = new ArrayList<>(List.of(cmd, "-f", f.toString()));
      if (cmd.equals("chart")) args.addAll(List.of("-o", tmp.resolve("c").toString()));
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), cmd);
      assertFalse(r.err().contains("HASHHASH") || r.err().contains("SECRETLINE"), cmd + ": " + r.err());
      assertTrue(r.err().contains("shared/shadow"), "the path and position are shown: " + r.err());
    }
  }

  @Test
  void aFifoOrDirectoryWhereAFileIsExpectedIsRefusedByType(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("app.env");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, p.waitFor());
    Files.createDirectory(tmp.resolve("dir.env"));
    Path f = Files.writeString(tmp.resolve("compose.yaml"), WEB + "    env_file: [app.env]\n  db:\n    image: postgres:16\n"
        + "    env_file: [dir.env]\n");
    Cli r = Cli.run("config", "-f", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("app.env: is a device, FIFO or socket, not a regular file")
        || r.err().contains("is a device, FIFO or socket"), r.err());
    assertTrue(r.err().contains("is a directory"), r.err());
  }

  @Test
  void controlCharactersInKeysAreEscaped(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n    environment:\n      \"A\\e]0;owned\\aB\\rC\": x\n      DB_PASSWORD: \"p\\e[2J\"\n"
            + "    \"bad\\e[31mkey\\a\": 1\n");
    for (String format : List.of("text", "compact", "github")) {
      Cli r = Cli.run("lint", "--format", format, "--fail-on", "never", f.toString());
      assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), format + ": " + r.out());
      assertFalse(r.out().replace("\r\n", "").contains("\r"), format);
    }
    assertTrue(Cli.run("lint", "--format", "compact", "--fail-on", "never", f.toString()).out().contains("\\e"));
  }

  @Test
  void credentialsGoToSecretsAndLiteralOnesAreReported(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("app.env"), "PGPASSWORD=a\nGITHUB_PAT=b\nHTPASSWD=c\nJWT=d\nSENTRY_DSN=https://k@sentry.io/1\n"
        + "CONNECTION_STRING=Server=db;Password=x\nPAPERLESS_DBPASS=e\nLOG_LEVEL=info\n");
    Path f = Files.writeString(tmp.resolve("compose.yaml"), WEB + "    env_file: app.env\n    environment:\n"
        + "      PGPASSWORD: x\n      REDIS_PWD: y\n      PASSENGER_COUNT: \"3\"\n");
    String out = Cli.run("convert", "-f", f.toString()).out();
    String configMaps = String.join("\n", Stream.of(out.split("(?m)^---$")).filter(d -> d.contains("kind: ConfigMap")).toList());
    String secrets = String.join("\n", Stream.of(out.split("(?m)^---$")).filter(d -> d.contains("kind: Secret")).toList());
    for (String k : List.of("PGPASSWORD", "GITHUB_PAT", "HTPASSWD", "JWT", "SENTRY_DSN", "CONNECTION_STRING", "PAPERLESS_DBPASS", "REDIS_PWD")) {
      assertFalse(configMaps.contains(k + ":"), k + " in a ConfigMap:\n" + configMaps);
      assertTrue(secrets.contains(k + ":"), k + " not in a Secret:\n" + secrets);
    }
    assertTrue(configMaps.contains("LOG_LEVEL"), configMaps);
    String lint = Cli.run("lint", "--format", "compact", "--fail-on", "never", f.toString()).out();
    assertTrue(lint.contains("[literal-secret] service \"web\" sets PGPASSWORD"), lint);
    assertTrue(lint.contains("sets REDIS_PWD"), lint);
    assertFalse(lint.contains("PASSENGER_COUNT"), lint);
  }

  @Test
  void fixKeepsLinksModesAndFilesOutsideTheProject(@TempDir Path tmp) throws IOException {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Path base = Files.writeString(shared.resolve("base.yaml"), "version: \"3.9\"\nservices:\n  base:\n    image: nginx:1.27\n");
    Path proj = Files.createDirectory(tmp.resolve("proj"));
    Path real = Files.writeString(proj.resolve("real.yaml"), "version: \"3.9\"\nname: p\nservices:\n  web:\n"
        + "    extends:\n      file: ../shared/base.yaml\n      service: base\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
    Path link = Files.createSymbolicLink(proj.resolve("compose.yaml"), Path.of("real.yaml"));
    Cli r = Cli.run("lint", "--fix", "--fail-on", "never", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertFalse(Files.readString(real).contains("version:"), "the target is fixed: " + Files.readString(real));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    assertTrue(Files.readString(base).contains("version:"), "a file outside the project is left alone");
  }

  @Test
  void aConvertKilledHalfWayIsRecoveredByTheNextRun(@TempDir Path tmp) throws Exception {
    StringBuilder b = new StringBuilder("name: big\nservices:\n");
    for (int i = 0; i < 3000; i++) b.append("  s").append(i).append(":\n    image: nginx:1.27\n    ports: [\"").append(8000 + i).append(":80\"]\n");
    Path f = Files.writeString(tmp.resolve("compose.yaml"), b);
    Path out = tmp.resolve("out");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main", "convert", "-f", f.toString(), "-o", out.toString(), "-q")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive() && count(out) < 200) Thread.sleep(5);
    p.destroyForcibly(); // SIGKILL
    p.waitFor();
    assertTrue(Files.exists(out.resolve(".ferry-output")), "the journal marker is written before the first file");
    Cli r = Cli.run("convert", "-f", f.toString(), "-o", out.toString(), "-q");
    assertEquals(0, r.code(), r.err());
    try (Stream<Path> s = Files.list(out)) {
      List<String> names = s.map(x -> x.getFileName().toString()).toList();
      assertFalse(names.stream().anyMatch(n -> n.endsWith(".tmp")), "no temp file left");
      assertTrue(names.contains("s2999-deployment.yaml"));
    }
  }

  /** Files in {@code dir} under their own names (temporary files, written before the journal, are not counted). */
  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(x -> !x.getFileName().toString().endsWith(".tmp")).count();
    }
  }
}
