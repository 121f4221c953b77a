package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes to text, refused (with an error at the first offending place) when the file is too
 * large, is not UTF-8, contains a NUL character or has a line over {@link Limits#LINE_CHARS}.
 */
final class SourceText {
  private static final String CODE_SYNTAX = "yaml-syntax";
  private final String file;
  private final Diagnostics diags;

  SourceText(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  /**
   * The decoded text when size, encoding and line length are within {@link Limits}; else null.
   * {@code decoded}: {@code new String(bytes, UTF_8)} when the caller has made it, else null.
   */
  String checked(byte[] bytes, String decoded) {
    if (bytes.length > Parse.MAX_BYTES) {
      diags.error(CODE_SYNTAX, Position.of(file, 1, 1),
          "file is " + bytes.length + " bytes, over the " + Parse.MAX_BYTES + "-byte limit " + Limits.FILE_BYTES.tag());
      return null;
    }
    String text = decode(bytes, decoded);
    if (text == null) return null;
    Position longLine = LongLines.first(file, text);
    if (longLine != null) {
      diags.error(CODE_SYNTAX, longLine, "line longer than " + Limits.LINE_CHARS.value() + " characters "
          + Limits.LINE_CHARS.tag());
      return null;
    }
    return text;
  }

  private String decode(byte[] bytes, String decoded) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      // The JDK's own decoding is much faster; it replaces what is malformed by U+FFFD, so a text
      // holding one (malformed or written as such) is decoded again, reporting.
      // a byte order mark decodes to one character on its own, so the rest decodes the same after it
      String s = decoded == null ? new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)
          : start == 0 ? decoded : decoded.substring(1);
      if (s.indexOf('\uFFFD') >= 0) s = dec.decode(in).toString();
      int nul = s.indexOf('\0');
      if (nul >= 0) {
        diags.error(CODE_SYNTAX, offsetPosition(s, nul), "file contains a NUL character (binary data?)");
        return null;
      }
      return s;
    } catch (CharacterCodingException e) {
      int bad = in.position();
      String prefix = new String(bytes, start, Math.max(0, bad - start), StandardCharsets.UTF_8);
      Position p = offsetPosition(prefix, prefix.length());
      diags.error(CODE_SYNTAX, p, "file is not valid UTF-8 (byte offset " + bad + ")");
      return null;
    }
  }

  private Position offsetPosition(String s, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index && i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i += Character.charCount(cp);
    }
    return Position.of(file, line, col);
  }
}
