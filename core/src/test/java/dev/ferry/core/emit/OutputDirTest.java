package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory never writes, replaces or deletes anything outside DIR, whatever DIR holds. */
class OutputDirTest {
  static final Map<String, String> CHART = new LinkedHashMap<>(Map.of(
      "Chart.yaml", "name: x\n",
      "templates/web/secret.yaml", "apiVersion: v1\nkind: Secret\n",
      "templates/web/deployment.yaml", "kind: Deployment\n"));

  @Test
  void aLinkedTemplatesDirectoryIsRefusedAndNothingLandsInItsTarget(@TempDir Path tmp) throws IOException {
    Path victim = Files.createDirectory(tmp.resolve("victim"));
    Path c = Files.createDirectory(tmp.resolve("c"));
    Files.createSymbolicLink(c.resolve("templates"), victim);
    OutputDir.Refused e = assertThrows(OutputDir.Refused.class, () -> OutputDir.write(c, CHART, false));
    assertTrue(e.getMessage().contains("templates is a symbolic link"), e.getMessage());
    assertEquals(List.of(), list(victim));
    assertThrows(OutputDir.Refused.class, () -> OutputDir.write(c, CHART, true), "--force does not follow links either");
    assertEquals(List.of(), list(victim));
  }

  @Test
  void aPlantedMarkerDeletesNothing(@TempDir Path tmp) throws IOException, OutputDir.Refused {
    Path victim = Files.createDirectory(tmp.resolve("victim"));
    Files.writeString(victim.resolve("important.txt"), "keep\n");
    Path c = Files.createDirectory(tmp.resolve("c"));
    Files.writeString(c.resolve("notes.md"), "my notes\n");
    Files.writeString(c.resolve("old-deployment.yaml"), "mine\n");
    Files.createSymbolicLink(c.resolve("link"), victim);
    // a v1 marker (names only), a v2 marker with the right digests of files that are not ferry's, and escapes
    Files.writeString(c.resolve(OutputDir.MARKER), String.join("\n",
        "templates/important.txt", "notes.md", "../victim/important.txt", victim.resolve("important.txt").toString(),
        SafeFile.digest("my notes\n") + " notes.md",
        SafeFile.digest("keep\n") + " link/important.txt",
        SafeFile.digest("keep\n") + " ../victim/important.txt",
        "0000000000000000000000000000000000000000000000000000000000000000 old-deployment.yaml", ""));
    OutputDir.write(c, Map.of("web-deployment.yaml", "kind: Deployment\n"), false);
    assertEquals("keep\n", Files.readString(victim.resolve("important.txt")));
    assertEquals("my notes\n", Files.readString(c.resolve("notes.md")));
    assertEquals("mine\n", Files.readString(c.resolve("old-deployment.yaml")), "a digest that does not match is not obeyed");
  }

  @Test
  void filesFerryWroteAreReplacedAndStaleOnesRemoved(@TempDir Path tmp) throws IOException, OutputDir.Refused {
    Path out = tmp.resolve("out");
    OutputDir.write(out, Map.of("a-deployment.yaml", "a\n", "b-service.yaml", "b\n"), false);
    OutputDir.write(out, Map.of("a-deployment.yaml", "a2\n"), false);
    assertEquals("a2\n", Files.readString(out.resolve("a-deployment.yaml")));
    assertFalse(Files.exists(out.resolve("b-service.yaml")));
    // edited by the user since: no longer ferry's, so not overwritten without --force
    Files.writeString(out.resolve("a-deployment.yaml"), "edited\n");
    assertThrows(OutputDir.Refused.class, () -> OutputDir.write(out, Map.of("a-deployment.yaml", "a3\n"), false));
    assertEquals("edited\n", Files.readString(out.resolve("a-deployment.yaml")));
  }

  @Test
  void namesThatEscapeAreRefused(@TempDir Path tmp) {
    for (String bad : List.of("../x.yaml", "/etc/x.yaml", "a/../../x.yaml", "a//b.yaml", "./x.yaml", OutputDir.MARKER, "a\\b.yaml")) {
      assertThrows(OutputDir.Refused.class, () -> OutputDir.write(tmp.resolve("o"), Map.of(bad, "x"), true), bad);
    }
  }

  @Test
  void theParentOfDirIsNeverCreated(@TempDir Path tmp) {
    OutputDir.Refused e = assertThrows(OutputDir.Refused.class,
        () -> OutputDir.write(tmp.resolve("no/such/dir"), Map.of("a.yaml", "a"), false));
    assertTrue(e.getMessage().contains("parent directory does not exist"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("no")));
  }

  @Test
  void specialFilesAndLinksAtATargetAreNeverReplaced(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path outside = Files.writeString(tmp.resolve("outside.yaml"), "outside\n");
    Files.createSymbolicLink(out.resolve("a-deployment.yaml"), outside);
    mkfifo(out.resolve("b-service.yaml"));
    Files.createDirectory(out.resolve("c-secret.yaml"));
    for (String n : List.of("a-deployment.yaml", "b-service.yaml", "c-secret.yaml")) {
      OutputDir.Refused e = assertThrows(OutputDir.Refused.class, () -> OutputDir.write(out, Map.of(n, "x"), true), n);
      assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
    assertEquals("outside\n", Files.readString(outside));
    assertTrue(Files.isSymbolicLink(out.resolve("a-deployment.yaml")));
    assertTrue(Files.readAttributes(out.resolve("b-service.yaml"), java.nio.file.attribute.BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS).isOther());
  }

  @Test
  void singleFileWritesRefuseDevicesFifosLinksAndMissingDirectories(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("fifo");
    mkfifo(fifo);
    Path link = Files.createSymbolicLink(tmp.resolve("link.html"), Files.writeString(tmp.resolve("t.html"), "t"));
    for (Path p : List.of(Path.of("/dev/full"), Path.of("/dev/null"), fifo, link, tmp)) {
      assertThrows(OutputDir.Refused.class, () -> SafeFile.write(p, "x", true), p.toString());
    }
    assertEquals("t", Files.readString(tmp.resolve("t.html")));
    assertThrows(OutputDir.Refused.class, () -> SafeFile.write(tmp.resolve("no/dir/r.html"), "x", true));
    assertFalse(Files.exists(tmp.resolve("no")));
    SafeFile.write(tmp.resolve("r.html"), "<html>", true);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("r.html"))));
  }

  @Test
  void secretsAre0600AndOtherFilesFollowTheUmask(@TempDir Path tmp) throws IOException, OutputDir.Refused {
    Path out = tmp.resolve("out");
    OutputDir.write(out, CHART, false);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("templates/web/secret.yaml"))));
    Path probe = Files.createFile(tmp.resolve("probe")); // created with the process umask, as a shell would
    assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out.resolve("Chart.yaml")));
    assertTrue(OutputDir.holdsSecrets("values.yaml", "secrets:\n  db:\n    stringData: {}\n"));
    assertFalse(OutputDir.holdsSecrets("values.yaml", "secrets: {}\n"));
  }

  @Test
  void aRunKilledHalfWayIsRecoveredByTheNextRun(@TempDir Path tmp) throws IOException, OutputDir.Refused {
    Path out = tmp.resolve("out");
    Map<String, String> v1 = new TreeMap<>();
    Map<String, String> v2 = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      v1.put("s" + i + "-deployment.yaml", "v1 " + i + "\n");
      v2.put("s" + i + "-deployment.yaml", "v2 " + i + "\n");
    }
    OutputDir.write(out, v1, false);
    OutputDir.write(out, v2, false, 20); // killed after 20 files
    Files.writeString(out.resolve(".ferry-0123456789abcdef.tmp"), "half a fi"); // the write it was doing
    OutputDir.write(out, v2, false); // no --force needed: the journal marker names both versions
    for (Map.Entry<String, String> e : v2.entrySet()) assertEquals(e.getValue(), Files.readString(out.resolve(e.getKey())));
    assertEquals(List.of(), list(out).stream().filter(n -> n.endsWith(".tmp")).toList());
    // a first run killed before its final marker is recovered too
    Path fresh = tmp.resolve("fresh");
    OutputDir.write(fresh, v1, false, 7);
    OutputDir.write(fresh, v1, false);
    assertEquals(v1.size() + 1, list(fresh).size());
  }

  @Test
  void aReRunLeavesFilesThatAlreadyHoldTheirContentAsTheyAre(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    OutputDir.write(out, CHART, false);
    Object chart = inode(out.resolve("Chart.yaml"));
    Object deployment = inode(out.resolve("templates/web/deployment.yaml"));
    Path secret = out.resolve("templates/web/secret.yaml");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--")); // widened since: written again, 0600
    Map<String, String> next = new LinkedHashMap<>(CHART);
    next.put("templates/web/deployment.yaml", "kind: Deployment\nspec: {}\n");
    assertEquals(3, OutputDir.write(out, next, false).size());
    assertEquals(chart, inode(out.resolve("Chart.yaml")), "unchanged: not written again");
    assertFalse(deployment.equals(inode(out.resolve("templates/web/deployment.yaml"))), "changed: replaced");
    assertEquals("kind: Deployment\nspec: {}\n", Files.readString(out.resolve("templates/web/deployment.yaml")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    Object secretNow = inode(secret);
    // a file the marker does not list is written (with --force) even when it holds the content
    Files.writeString(out.resolve("values.yaml"), "v: 1\n");
    Object values = inode(out.resolve("values.yaml"));
    next.put("values.yaml", "v: 1\n");
    OutputDir.write(out, next, true);
    assertFalse(values.equals(inode(out.resolve("values.yaml"))));
    assertEquals(secretNow, inode(secret), "0600 and unchanged: not written again");
    assertEquals(OutputDir.HEADER + "\n" + String.join("", next.entrySet().stream()
        .map(e -> SafeFile.digest(e.getValue()) + " " + e.getKey() + "\n").toList()), Files.readString(out.resolve(OutputDir.MARKER)));
  }

  @Test
  void filesAreStagedAsMadeAndAFailureOrRefusalBeforeTheJournalLeavesDirAsItWas(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    List<String> names = List.copyOf(CHART.keySet());
    // killed while the files were being made: only temporary files (and the directories made), which the next run removes
    OutputDirStaging killed = OutputDirStaging.open(out, names, false);
    killed.stage(OutputDirFile.of("templates/web/secret.yaml", CHART.get("templates/web/secret.yaml")));
    assertEquals(List.of(), list(out).stream().filter(n -> !n.endsWith(".tmp") && !n.equals("templates") && !n.equals("templates/web")).toList());
    assertEquals(1, list(out).stream().filter(n -> n.endsWith(".tmp")).count(), "the staged file is a temporary file");
    OutputDir.write(out, CHART, false);
    assertEquals(List.of(OutputDir.MARKER, "Chart.yaml", "templates", "templates/web", "templates/web/deployment.yaml",
        "templates/web/secret.yaml"), list(out));
    // a failure while making the files (close without commit): temporary files and new directories go, old files stay
    Map<String, String> more = new LinkedHashMap<>(CHART);
    more.put("templates/db/deployment.yaml", "kind: Deployment\n");
    more.put("Chart.yaml", "name: y\n");
    String markerBefore = Files.readString(out.resolve(OutputDir.MARKER));
    try (OutputDirStaging failed = OutputDirStaging.open(out, List.copyOf(more.keySet()), false)) {
      failed.stage(OutputDirFile.of("templates/db/deployment.yaml", more.get("templates/db/deployment.yaml")));
      failed.stage(OutputDirFile.of("Chart.yaml", more.get("Chart.yaml")));
      assertTrue(Files.isDirectory(out.resolve("templates/db")));
    }
    assertEquals(List.of(OutputDir.MARKER, "Chart.yaml", "templates", "templates/web", "templates/web/deployment.yaml",
        "templates/web/secret.yaml"), list(out));
    assertEquals("name: x\n", Files.readString(out.resolve("Chart.yaml")));
    assertEquals(markerBefore, Files.readString(out.resolve(OutputDir.MARKER)));
    // a file edited by the user since is known only once its new bytes are there: refused at commit, nothing changed
    Files.writeString(out.resolve("templates/web/deployment.yaml"), "edited\n");
    OutputDir.Refused r = assertThrows(OutputDir.Refused.class, () -> OutputDir.write(out, more, false));
    assertTrue(r.getMessage().contains("did not write") && r.getMessage().contains("templates/web/deployment.yaml"), r.getMessage());
    assertEquals(List.of(OutputDir.MARKER, "Chart.yaml", "templates", "templates/web", "templates/web/deployment.yaml",
        "templates/web/secret.yaml"), list(out));
    assertEquals("name: x\n", Files.readString(out.resolve("Chart.yaml")));
    assertEquals(markerBefore, Files.readString(out.resolve(OutputDir.MARKER)));
    // a fresh DIR made for a run that fails is removed again
    Path fresh = tmp.resolve("fresh");
    try (OutputDirStaging failed = OutputDirStaging.open(fresh, names, false)) {
      failed.stage(OutputDirFile.of("templates/web/deployment.yaml", CHART.get("templates/web/deployment.yaml")));
    }
    assertFalse(Files.exists(fresh, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * A new output directory is written without looking up each target first (nothing can be there),
   * but what another process puts into a directory this run made, after the run looked, is still
   * found before a rename would replace it: a link, a FIFO or a directory at a target, in DIR itself
   * (made by this run) or in a directory below it.
   */
  @Test
  void whatAppearsInADirectoryThisRunMadeIsStillRefused(@TempDir Path tmp) throws Exception {
    Path outside = Files.writeString(tmp.resolve("outside.yaml"), "outside\n");
    List<String> names = List.copyOf(CHART.keySet());
    for (String planted : List.of("Chart.yaml", "templates/web/deployment.yaml")) {
      for (String kind : List.of("link", "fifo", "directory")) {
        Path out = tmp.resolve("out-" + kind + "-" + planted.replace('/', '-'));
        try (OutputDirStaging s = OutputDirStaging.open(out, names, false)) {
          List<OutputDirStaging.Staged> staged = new java.util.ArrayList<>();
          for (String n : names) staged.add(s.stage(OutputDirFile.of(n, CHART.get(n))));
          Path p = out.resolve(planted);
          switch (kind) {
            case "link" -> Files.createSymbolicLink(p, outside);
            case "fifo" -> mkfifo(p);
            default -> Files.createDirectory(p);
          }
          OutputDir.Refused e = assertThrows(OutputDir.Refused.class, () -> s.commit(staged), kind + " at " + planted);
          assertTrue(e.getMessage().contains("refusing to replace") && e.getMessage().contains(planted), e.getMessage());
          assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), kind);
        }
        assertEquals("outside\n", Files.readString(outside));
      }
    }
    // and a new directory is written whole, with nothing looked up in vain
    Path fresh = tmp.resolve("fresh");
    OutputDir.write(fresh, CHART, false);
    assertEquals(List.of(OutputDir.MARKER, "Chart.yaml", "templates", "templates/web", "templates/web/deployment.yaml",
        "templates/web/secret.yaml"), list(fresh));
  }

  private static Object inode(Path p) throws IOException {
    return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  @Test
  void largeFilesAreWrittenAndDigestedInPiecesExactly(@TempDir Path tmp) throws Exception {
    // pieces of SafeFile.CHUNK chars: a surrogate pair and non-ASCII text across a piece boundary
    String big = "a".repeat(SafeFile.CHUNK - 1) + "\uD83D\uDE00" + "é".repeat(SafeFile.CHUNK) + "\uD800x" + "z\n";
    byte[] utf8 = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8)),
        SafeFile.digest(big));
    Path out = tmp.resolve("out");
    OutputDir.write(out, Map.of("big.yaml", big), false);
    assertTrue(java.util.Arrays.equals(utf8, Files.readAllBytes(out.resolve("big.yaml"))));
    assertTrue(SafeFile.holds(out.resolve("big.yaml"), big));
    assertFalse(SafeFile.holds(out.resolve("big.yaml"), big + "more"));
    assertFalse(SafeFile.holds(out.resolve("big.yaml"), big.substring(0, big.length() - 1)));
    assertFalse(SafeFile.holds(out.resolve("big.yaml"), big.replace('z', 'y')));
    // a second run over the same content (its digest taken from the content it equals) and over changed content
    OutputDir.write(out, Map.of("big.yaml", big), false);
    OutputDir.write(out, Map.of("big.yaml", big + "2"), false);
    assertTrue(SafeFile.holds(out.resolve("big.yaml"), big + "2"));
    assertEquals(SafeFile.digest(big + "2") + " big.yaml", Files.readAllLines(out.resolve(OutputDir.MARKER)).get(1));
    // a text encoded whole, longer than one piece of bytes; and one longer than SafeFile.WHOLE, encoded a piece at a time
    for (String text : java.util.List.of("é".repeat(2 * SafeFile.CHUNK) + "\uD83D\uDE00z",
        "é".repeat(SafeFile.WHOLE / 2) + "a".repeat(SafeFile.WHOLE / 2 - 1) + "\uD83D\uDE00" + "\uD800é\n")) {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
          SafeFile.digest(text));
      Path p = tmp.resolve("whole-" + text.length() + ".yaml");
      SafeFile.stream(p, false, w -> w.write(text));
      assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(p)), "streamed: " + text.length());
    }
  }

  @Test
  void filesAreComparedAndDigestedExactlyAroundTheReadBuffersSize(@TempDir Path tmp) throws Exception {
    // the read buffer is sized from the file (its bytes and one more, at most READ_BUFFER): every
    // size around those bounds compares and digests as the whole bytes do
    int max = SafeFile.READ_BUFFER;
    for (int size : new int[] {0, 1, 2, 4095, max - 1, max, max + 1, 2 * max, 2 * max + 1, 3 * max + 7}) {
      byte[] bytes = new byte[size];
      for (int i = 0; i < size; i++) bytes[i] = (byte) ('a' + i % 23);
      Path p = tmp.resolve("f" + size);
      Files.write(p, bytes);
      assertTrue(SafeFile.holds(p, bytes), "holds its own bytes: " + size);
      assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
          SafeFile.digest(p), "digest of " + size + " bytes");
      assertFalse(SafeFile.holds(p, java.util.Arrays.copyOf(bytes, size + 1)), "one byte more: " + size);
      if (size > 0) {
        assertFalse(SafeFile.holds(p, java.util.Arrays.copyOf(bytes, size - 1)), "one byte less: " + size);
        byte[] last = bytes.clone();
        last[size - 1] = 'Z';
        assertFalse(SafeFile.holds(p, last), "last byte differs: " + size);
      }
      assertTrue(SafeFile.bufferFor(size) >= 1 && SafeFile.bufferFor(size) <= max);
    }
  }

  /** Property: for random layouts with planted links and markers, nothing outside DIR changes. */
  /** {@link OutputDir#plain} scans the name once: it says what its definition by parts (split at every slash) says. */
  @FuzzTest(maxDuration = "10s")
  void plainIsItsDefinition(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder();
    String[] pieces = {"/", ".", "..", "a", "templates", "\\", "\n", "x.yaml", ".ferry-output", "é"};
    while (data.remainingBytes() > 0 && b.length() < 200) b.append(data.pickValue(pieces));
    String name = b.toString();
    boolean byParts = !name.isEmpty() && !name.startsWith("/") && !name.equals(OutputDir.MARKER) && name.indexOf('\\') < 0
        && name.chars().noneMatch(Character::isISOControl)
        && Stream.of(name.split("/", -1)).noneMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."));
    assertEquals(byParts, OutputDir.plain(name), name);
  }

  @FuzzTest(maxDuration = "20s")
  void nothingOutsideDirChanges(FuzzedDataProvider data) throws IOException {
    Path tmp = Files.createTempDirectory("ferry-outdir");
    try {
      Path outside = Files.createDirectories(tmp.resolve("outside/sub"));
      Files.writeString(outside.resolve("a.yaml"), "A");
      Files.writeString(tmp.resolve("outside/values.yaml"), "V");
      Path dir = Files.createDirectory(tmp.resolve("dir"));
      String[] names = {"templates", "templates/web", "a.yaml", "values.yaml", "templates/web/secret.yaml",
          "sub", "x-deployment.yaml", "README.md"};
      String[] targets = {"../outside", "../outside/sub", "../outside/a.yaml", "../outside/values.yaml", tmp.resolve("outside").toString()};
      int links = data.consumeInt(0, 4);
      for (int i = 0; i < links; i++) {
        Path at = dir.resolve(data.pickValue(names));
        if (Files.exists(at, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(at.getParent(), LinkOption.NOFOLLOW_LINKS)) continue;
        Files.createSymbolicLink(at, Path.of(data.pickValue(targets)));
      }
      StringBuilder marker = new StringBuilder();
      int entries = data.consumeInt(0, 6);
      String[] planted = {"../outside/a.yaml", "templates/a.yaml", "sub/a.yaml", "a.yaml", "values.yaml",
          tmp.resolve("outside/a.yaml").toString(), "templates/../../outside/a.yaml", "templates/sub/a.yaml"};
      for (int i = 0; i < entries; i++) {
        String n = data.pickValue(planted);
        marker.append(data.consumeBoolean() ? SafeFile.digest(data.pickValue(new String[] {"A", "V"})) + " " : "").append(n).append('\n');
      }
      if (!Files.exists(dir.resolve(OutputDir.MARKER), LinkOption.NOFOLLOW_LINKS)) Files.writeString(dir.resolve(OutputDir.MARKER), marker);
      Map<String, String> files = new LinkedHashMap<>();
      int n = data.consumeInt(0, 5);
      for (int i = 0; i < n; i++) files.put(data.pickValue(names) + (data.consumeBoolean() ? "" : "/x.yaml"), data.consumeString(20));
      Map<Path, String> before = snapshot(tmp.resolve("outside"));
      try {
        OutputDir.write(dir, files, data.consumeBoolean());
      } catch (OutputDir.Refused | IOException e) {
        // refusing is fine; touching the outside is not
      }
      assertEquals(before, snapshot(tmp.resolve("outside")));
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private static Map<Path, String> snapshot(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        out.put(root.relativize(p), Files.isSymbolicLink(p) ? "link" : Files.isDirectory(p) ? "dir"
            : Files.readString(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    return out;
  }

  static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  static void mkfifo(Path p) throws Exception {
    Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertEquals(0, pr.waitFor(), "mkfifo");
  }
}
