package dev.ferry.core.emit;

import java.nio.charset.StandardCharsets;

/**
 * A file for {@link OutputDir}, ready to write: its relative name, its UTF-8 bytes (encoded once,
 * for the digest and the write alike), their SHA-256 (hex) and whether it holds secret values
 * (written 0600). Made by whoever makes the text, so the digests of many files are computed on
 * every core while the texts are made.
 */
public record OutputDirFile(String name, byte[] bytes, String sha256, boolean secret) {
  public static OutputDirFile of(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new OutputDirFile(name, bytes, SafeFile.digest(bytes), OutputDir.holdsSecrets(name, content));
  }
}
