package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SafeFile#stream}: the guarantees of {@link SafeFile#write} for a text written as it is made. */
class SafeFileStreamTest {
  /** Several MB, with non-ASCII text and a surrogate pair split across two writes. */
  private static final List<String> PIECES =
      List.of("a".repeat(3 << 20), "é\uD83D", "\uDE00 ok\n", "", "lone \uD800", "x\uDC00\n", "z".repeat(1 << 20) + "\n", "\uD83D");

  @Test
  void streamedFileHasTheBytesOfTheWholeTextAndItsMode(@TempDir Path tmp) throws Exception {
    Path target = tmp.resolve("r.html");
    SafeFile.stream(target, true, w -> {
      for (String p : PIECES) w.write(p);
    });
    assertArrayEquals(String.join("", PIECES).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    SafeFile.stream(target, true, w -> { // through the other write methods, a char at a time
      for (String p : PIECES) {
        if (p.length() < 100) for (char c : p.toCharArray()) w.write(c);
        else w.append("<" + p, 1, p.length() + 1);
      }
    });
    assertArrayEquals(String.join("", PIECES).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of(target), list(tmp), "no temporary file is left");
  }

  @Test
  void failureMidWriteLeavesNoFileAndTheOldOneAsItWas(@TempDir Path tmp) throws Exception {
    Path target = tmp.resolve("r.html");
    IOException boom = new IOException("disk full");
    long[] written = {0};
    IOException thrown = assertThrows(IOException.class, () -> SafeFile.stream(target, true, w -> {
      for (String p : PIECES) w.write(p);
      w.flush();
      written[0] = Files.size(temporary(tmp)); // the temporary file beside the target already holds megabytes
      throw boom;
    }));
    assertEquals(boom, thrown);
    assertTrue(written[0] > 4 << 20, "failed mid-write, after " + written[0] + " bytes");
    assertEquals(List.of(), list(tmp), "nothing half-written: no target, no temporary file");

    Files.writeString(target, "earlier report\n");
    assertThrows(IllegalStateException.class, () -> SafeFile.stream(target, true, w -> {
      w.write("x".repeat(1 << 20));
      throw new IllegalStateException("a bug part way");
    }));
    assertEquals("earlier report\n", Files.readString(target));
    assertEquals(List.of(target), list(tmp));
  }

  @Test
  void refusesWhatWriteRefuses(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link.html"), Files.writeString(tmp.resolve("t.html"), "t"));
    boolean[] called = {false};
    for (Path p : List.of(Path.of("/dev/null"), link, tmp, tmp.resolve("no/dir/r.html"))) {
      assertThrows(OutputDir.Refused.class, () -> SafeFile.stream(p, true, w -> called[0] = true), p.toString());
    }
    assertFalse(called[0], "the body is not run for a refused target");
    assertEquals("t", Files.readString(tmp.resolve("t.html")));
    assertFalse(Files.exists(tmp.resolve("no")));
  }

  private static Path temporary(Path dir) throws IOException {
    return list(dir).stream().filter(p -> SafeFile.TEMP_NAME.matcher(p.getFileName().toString()).matches()).findFirst().orElseThrow();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
