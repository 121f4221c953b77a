package dev.ferry.core.emit;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A writer that encodes what it is given straight to UTF-8, as {@link String#getBytes} would encode
 * the whole text (a surrogate pair split between two writes is joined; a lone surrogate becomes
 * '?'), with no char buffer between: a Latin-1 string is encoded without being inflated to chars.
 *
 * <p>Everything ferry writes is UTF-8, whatever the platform's default charset: files through
 * {@link SafeFile}, standard output and error through {@link #to}. (Standard output through the
 * default charset turned {@code héllo} into {@code h?llo} under a C locale, where Java's default
 * is ASCII: a manifest piped to kubectl lost its values.)
 */
public final class Utf8Writer extends Writer {
  private final SafeFile.Pieces sink;
  private final Flushable flushable;
  /** A high surrogate that ended the last write, or 0. */
  private char high;

  /** Encodes onto {@code sink}; {@link #flush} flushes {@code flushable} (when not null). */
  Utf8Writer(SafeFile.Pieces sink, Flushable flushable) {
    this.sink = sink;
    this.flushable = flushable;
  }

  /**
   * A writer for a stream that stays open (standard output or error): buffered (64 KB; a piece
   * as large as the buffer is written through), flushed by {@link #flush}; {@link #close} writes
   * a surrogate left waiting and flushes, and leaves the stream open. A failed write throws, so a
   * {@link java.io.PrintWriter} over it reports it in {@code checkError}.
   */
  public static Utf8Writer to(OutputStream out) {
    BufferedOutputStream b = new BufferedOutputStream(out, 1 << 16);
    return new Utf8Writer(b::write, b);
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

  /** Flushes what is buffered; a high surrogate waiting for its pair stays waiting. */
  @Override
  public void flush() throws IOException {
    if (flushable != null) flushable.flush();
  }

  /** Writes what is left (a lone high surrogate as '?') and flushes; the stream under it stays open. */
  @Override
  public void close() throws IOException {
    finish();
    flush();
  }
}
