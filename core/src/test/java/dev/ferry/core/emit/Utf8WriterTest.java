package dev.ferry.core.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Utf8Writer#to}: standard output's writer gives the bytes getBytes(UTF_8) gives for the whole text. */
class Utf8WriterTest {
  /** A stream that records what reached it and whether it was closed. */
  static final class Recording extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    boolean closed;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      bytes.write(b, off, len);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void nonAsciiAndSplitPairsAreUtf8AndTheStreamStaysOpen() throws IOException {
    Recording r = new Recording();
    PrintWriter out = new PrintWriter(Utf8Writer.to(r), true);
    out.print("héllo wörld ✓ \uD83D");
    out.print("\uDE00 ok");
    assertEquals(0, r.bytes.size(), "a small piece waits in the buffer");
    out.println();
    assertArrayEquals("héllo wörld ✓ 😀 ok\n".getBytes(StandardCharsets.UTF_8), r.bytes.toByteArray(), "println flushes");
    out.write('x');
    out.print(new char[] {'\uD83D'});
    out.close();
    assertArrayEquals("héllo wörld ✓ 😀 ok\nx?".getBytes(StandardCharsets.UTF_8), r.bytes.toByteArray(),
        "close writes a lone high surrogate as getBytes does");
    assertFalse(r.closed, "standard output is not closed");
  }

  @Test
  void aLargePieceIsWrittenThroughInPieces() throws IOException {
    Recording r = new Recording();
    Utf8Writer w = Utf8Writer.to(r);
    String big = "é".repeat(3 * SafeFile.CHUNK) + "a".repeat(1 << 17) + "\uD83D\uDE00";
    w.write("start ");
    w.write(big);
    w.flush();
    assertArrayEquals(("start " + big).getBytes(StandardCharsets.UTF_8), r.bytes.toByteArray());
    assertTrue(r.writes < 20, r.writes + " writes");
  }

  @Test
  void aFailedWriteReachesPrintWritersCheckError() {
    PrintWriter out = new PrintWriter(Utf8Writer.to(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    }), true);
    out.print("x".repeat(1 << 17));
    assertTrue(out.checkError());
    assertThrows(IOException.class, () -> Utf8Writer.to(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("closed pipe");
      }
    }).append("x").flush());
  }

  /** Any text, cut anywhere (inside surrogate pairs too) and written by any of the writer's methods. */
  @FuzzTest(maxDuration = "10s")
  void anyTextInAnyPiecesIsItsUtf8(FuzzedDataProvider data) throws IOException {
    Recording r = new Recording();
    Utf8Writer w = Utf8Writer.to(r);
    StringBuilder whole = new StringBuilder();
    List<String> pieces = new ArrayList<>();
    while (data.remainingBytes() > 0) {
      int how = data.consumeInt(0, 3);
      String s = data.consumeString(data.consumeInt(0, 40));
      if (data.consumeBoolean()) s = s.repeat(data.consumeInt(1, 5000)); // across the 64 KB buffer
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
    assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), r.bytes.toByteArray(), pieces.toString());
  }
}
