package dev.ferry.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.cli.FerryCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The release archive as a user installs it: unpacked into an empty directory and run by
 * {@code bin/ferry} with only a Java runtime (no Maven on PATH).
 */
class ReleaseArchiveIT {
  @TempDir Path tmp;

  @Test
  void carriesLauncherJarManPagesCompletionLicenseAndReadme() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    assertTrue(Files.isExecutable(in.root().resolve("bin/ferry")), "bin/ferry must be executable");
    for (String f : List.of("lib/ferry.jar", "LICENSE", "README.md", "completion/ferry.bash", "completion/ferry.zsh")) {
      assertTrue(Files.isRegularFile(in.root().resolve(f)), f);
    }
    // One man page per command of the CLI's model, in troff.
    CommandLine cli = FerryCommand.commandLine();
    List<String> pages = new ArrayList<>(List.of("ferry.1"));
    cli.getSubcommands().keySet().forEach(n -> pages.add("ferry-" + n + ".1"));
    try (Stream<Path> s = Files.list(in.root().resolve("man/man1"))) {
      assertEquals(pages.stream().sorted().toList(), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    String lintPage = Files.readString(in.root().resolve("man/man1/ferry-lint.1"));
    assertTrue(lintPage.contains(".TH \"FERRY\\-LINT\" \"1\""), lintPage);
    assertTrue(lintPage.contains("\\-\\-fail\\-on"), "options are documented: " + lintPage);
    String bash = Files.readString(in.root().resolve("completion/ferry.bash"));
    assertTrue(bash.contains("complete -F _complete_ferry") && bash.contains("--fail-on"), bash);
    // The completion script loads in bash and completes a subcommand.
    Proc c = Proc.run(tmp, Map.of("PATH", System.getenv("PATH")), List.of("bash", "-c",
        ". '" + in.root().resolve("completion/ferry.bash") + "'; COMP_WORDS=(ferry li); COMP_CWORD=1; _complete_ferry; echo \"${COMPREPLY[@]}\""));
    assertEquals("lint", c.out().strip(), c::toString);
  }

  @Test
  void runsLintAndConvertWithOnlyAJavaRuntime() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    Proc v = in.ferry(tmp, "--version");
    assertEquals(0, v.code(), v::toString);
    assertEquals("ferry " + Install.version(), v.out().strip());
    try (Stream<Path> s = Files.list(in.cache())) {
      assertEquals(1, s.filter(p -> p.toString().endsWith(".jsa")).count(), "first run writes one CDS archive under ~/.cache/ferry");
    }

    // convert: the celery golden case, byte for byte.
    Path input = copy(Install.repoRoot().resolve("testdata/convert/celery/input"), tmp.resolve("celery"));
    Proc conv = in.ferry(input, "convert", "--annotate");
    assertEquals(0, conv.code(), conv::toString);
    String expected = Files.readString(Install.repoRoot().resolve("testdata/convert/celery/expected/manifests.yaml"));
    assertEquals(expected, conv.out().replace(input.toAbsolutePath().toString(), "<input>"));

    // lint: the same report as the CLI built in this reactor, run in-process.
    Path example = copy(Install.repoRoot().resolve("examples/voting-app"), tmp.resolve("voting-app")).resolve("compose.yaml");
    Proc lint = in.ferry(tmp, "lint", "--format", "json", "voting-app/compose.yaml");
    assertEquals(0, lint.code(), lint::toString);
    assertTrue(lint.out().contains("\"root-user\""), lint.out());
    String built = inProcess("lint", "--format", "json", example.toString());
    assertEquals(built.replace(tmp.toAbsolutePath() + "/", ""), lint.out());

    // A finding at or above --fail-on gives exit 1, as documented.
    assertEquals(1, in.ferry(tmp, "lint", "--fail-on", "warning", example.toString()).code());
  }

  @Test
  void runsThroughSymbolicLinksToTheLauncher() throws IOException {
    // as a package manager installs it: a link on PATH to bin/ferry, or a chain of relative links
    Install in = Install.unpack(Install.archive(), tmp);
    Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
    Path link = Files.createSymbolicLink(bin.resolve("ferry"), in.root().resolve("bin/ferry"));
    Path other = Files.createDirectories(tmp.resolve("other"));
    Path chain = Files.createSymbolicLink(other.resolve("f"), Path.of("../usr/local/bin/ferry"));
    for (Path p : List.of(link, chain)) {
      Proc v = Proc.run(tmp, in.env(), List.of(p.toString(), "--version"));
      assertEquals(0, v.code(), p + ": " + v);
      assertEquals("ferry " + Install.version(), v.out().strip());
    }
    Proc fromItsDirectory = Proc.run(other, in.env(), List.of("./f", "--version"));
    assertEquals(0, fromItsDirectory.code(), fromItsDirectory::toString);
  }

  @Test
  void findsJavaThroughJavaHomeAndSaysWhenThereIsNone() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    Files.delete(in.tools().resolve("java"));
    Map<String, String> env = new HashMap<>(in.env());
    Proc none = in.ferry(tmp, env, "--version");
    assertEquals(2, none.code(), none::toString);
    assertTrue(none.err().contains("no Java runtime found"), none::toString);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Proc v = in.ferry(tmp, env, "--version");
    assertEquals(0, v.code(), v::toString);
    assertEquals("ferry " + Install.version(), v.out().strip());
  }

  @Test
  void concurrentFirstRunsShareOneArchiveSafely() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    Path example = copy(Install.repoRoot().resolve("examples/voting-app"), tmp.resolve("voting-app")).resolve("compose.yaml");
    List<Proc.Started> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(Proc.start(tmp, in.env(), List.of(in.root().resolve("bin/ferry").toString(), "config", "-f", example.toString())));
    }
    List<Proc> done = runs.stream().map(Proc.Started::await).toList();
    for (Proc p : done) {
      assertEquals(0, p.code(), p::toString);
      assertEquals(done.get(0).out(), p.out());
    }
    try (Stream<Path> s = Files.list(in.cache())) {
      List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(2, left.size(), "one archive and its record, no temporary files left: " + left);
      assertTrue(left.get(0).endsWith(".jsa") && left.get(1).startsWith("jar-"), left::toString);
    }
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarball() throws IOException {
    Install tar = Install.unpack(Install.archive(), tmp.resolve("tar"));
    Install zip = Install.unpack(Path.of(System.getProperty("ferry.zip")), tmp.resolve("zip"));
    assertEquals(tree(tar.root()), tree(zip.root()));
    assertTrue(Files.isExecutable(zip.root().resolve("bin/ferry")));
  }

  private static Map<String, Long> tree(Path root) throws IOException {
    Map<String, Long> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.size(p));
    }
    return m;
  }

  private static String inProcess(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = FerryCommand.commandLineFor(args);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute(args);
    return out.toString();
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return to;
  }
}
