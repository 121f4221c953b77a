package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Utf8Writer}, the writer of {@link SafeFile#stream}: the bytes getBytes(UTF_8) gives for the whole text. */
class Utf8WriterTest {
  @Test
  void nonAsciiAndSplitPairsAreUtf8() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer w = new Utf8Writer(bytes::write);
    w.write("héllo wörld ✓ \uD83D");
    w.write("\uDE00 ok\n");
    w.write('x');
    w.write(new char[] {'\uD83D'});
    w.flush();
    assertArrayEquals("héllo wörld ✓ 😀 ok\nx".getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), "a high surrogate waits for its pair");
    w.close();
    assertArrayEquals("héllo wörld ✓ 😀 ok\nx?".getBytes(StandardCharsets.UTF_8), bytes.toByteArray(),
        "close writes a lone high surrogate as getBytes does");
  }

  @Test
  void aFailedWriteIsThrown() {
    Utf8Writer w = new Utf8Writer((b, off, len) -> {
      throw new IOException("No space left on device");
    });
    assertThrows(IOException.class, () -> w.write("x"));
  }

  /** Any text, cut anywhere (inside surrogate pairs too) and written by any of the writer's methods. */
  @FuzzTest(maxDuration = "10s")
  void anyTextInAnyPiecesIsItsUtf8(FuzzedDataProvider data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer w = new Utf8Writer(bytes::write);
    StringBuilder whole = new StringBuilder();
    List<String> pieces = new ArrayList<>();
    while (data.remainingBytes() > 0) {
      int how = data.consumeInt(0, 3);
      String s = data.consumeString(data.consumeInt(0, 40));
      if (data.consumeBoolean()) s = s.repeat(data.consumeInt(1, 5000)); // past SafeFile.CHUNK
      pieces.add(s);
      whole.append(s);
      switch (how) {
        case 0 -> w.write(s);
        case 1 -> w.write(s.toCharArray(), 0, s.length());
        case 2 -> {
          for (int i = 0; i < s.length(); i++) w.write(s.charAt(i));
        }
        default -> w.append("<" + s + ">", 1, s.length() + 1);
      }
      if (data.consumeBoolean()) w.flush();
    }
    w.close();
    assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), pieces.toString());
  }
}
