package dev.ferry.core.emit;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that encodes what it is given straight to UTF-8, as {@link String#getBytes} would encode
 * the whole text (a surrogate pair split between two writes is joined; a lone surrogate becomes
 * '?'), with no char buffer between: a Latin-1 string is encoded without being inflated to chars.
 *
 * <p>{@link SafeFile#stream}'s writer: a large text (the HTML report) is written as it is made, in
 * large pieces (it is not buffered). Standard output and error are UTF-8 too, through the JDK's own
 * writer (the CLI's {@code Main}): small pieces there would each cost an array here.
 */
final class Utf8Writer extends Writer {
  private final SafeFile.Pieces sink;
  /** A high surrogate that ended the last write, or 0. */
  private char high;

  Utf8Writer(SafeFile.Pieces sink) {
    this.sink = sink;
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (len == 0) return;
    String t = off == 0 && len == s.length() ? s : s.substring(off, off + len);
    if (high != 0) {
      t = high + t;
      high = 0;
    }
    if (Character.isHighSurrogate(t.charAt(t.length() - 1))) {
      high = t.charAt(t.length() - 1);
      t = t.substring(0, t.length() - 1);
    }
    SafeFile.utf8(t, sink);
  }

  @Override
  public void write(char[] c, int off, int len) throws IOException {
    write(new String(c, off, len));
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  /** Writes a high surrogate left at the end (as '?', as getBytes does). */
  void finish() throws IOException {
    if (high != 0) {
      String last = String.valueOf(high);
      high = 0;
      SafeFile.utf8(last, sink);
    }
  }

  /** Nothing is held but a high surrogate waiting for its pair, which stays waiting. */
  @Override
  public void flush() {
    // every piece went to the sink as it was written
  }

  /** Writes what is left (a lone high surrogate as '?'); the sink's file is closed by its owner. */
  @Override
  public void close() throws IOException {
    finish();
  }
}
