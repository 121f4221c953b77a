package dev.ferry.core.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place ferry replaces a file: a temporary file beside the target, written in full and then
 * renamed over it, so a reader never sees half a file and a crash leaves at most a temporary file
 * named {@code .ferry-<random>.tmp} (removed by {@link OutputDir} on the next run). It never follows
 * a symbolic link at the target, never replaces anything but a regular file (a device, FIFO, socket,
 * directory or link is refused by type), never creates the target's directory, and reports a failed
 * write (ENOSPC, I/O error) as an {@link IOException} after removing its temporary file. Files that
 * hold secret values are created 0600; others get the process umask (as any tool's output does).
 */
public final class SafeFile {
  /** Temporary files ferry creates (and, with decimal digits, earlier versions created); nothing else is treated as one. */
  public static final Pattern TEMP_NAME = Pattern.compile("\\.ferry-[0-9a-f]{1,20}\\.tmp");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Characters encoded at a time: large outputs (a chart's values.schema.json is 55 MB at 10,000 services) are streamed. */
  static final int CHUNK = 1 << 15;
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private SafeFile() {}

  /** Writes {@code content} to {@code target} (a new file or a regular file), as described above. */
  public static void write(Path target, String content, boolean secret) throws IOException, OutputDir.Refused {
    replace(checkedTarget(target), content, secret);
  }

  /** Something that writes a file's text as it is made (in large pieces: the writer is not buffered). */
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * As {@link #write(Path, String, boolean)}, for a text too large to hold: {@code body} writes it
   * (UTF-8) to the temporary file as it is made, and only a body that returns normally is renamed
   * over {@code target}; when it throws, the temporary file is removed and the target is as it was.
   */
  public static void stream(Path target, boolean secret, Body body) throws IOException, OutputDir.Refused {
    replace(checkedTarget(target), secret, null, null, ch -> {
      Utf8Writer w = new Utf8Writer((b, from, n) -> writeFully(ch, b, from, n));
      body.writeTo(w);
      w.finish();
    });
  }

  /** The real path {@code target} names, after checking that its directory exists and it may be replaced. */
  private static Path checkedTarget(Path target) throws IOException, OutputDir.Refused {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new OutputDir.Refused("cannot write " + target + ": directory " + (parent == null ? "/" : parent)
          + " does not exist (ferry does not create it)");
    }
    Path real = parent.toRealPath().resolve(abs.getFileName());
    checkReplaceable(real, target.toString());
    return real;
  }

  /** Refuses an existing target that is not a regular file (checked without following links). */
  static void checkReplaceable(Path p, String shown) throws IOException, OutputDir.Refused {
    checkReplaceable(attributes(p), shown);
  }

  /** As above, for attributes already read ({@code a} null: nothing there). */
  static void checkReplaceable(BasicFileAttributes a, String shown) throws OutputDir.Refused {
    if (a != null && !a.isRegularFile()) {
      throw new OutputDir.Refused("refusing to replace " + shown + ": it is " + kind(a) + ", not a regular file");
    }
  }

  /** The attributes of {@code p} itself (a link is not followed), or null when nothing is there. */
  static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** What a non-regular file is, for a message. */
  public static String kind(BasicFileAttributes a) {
    if (a.isSymbolicLink()) return "a symbolic link";
    if (a.isDirectory()) return "a directory";
    if (a.isOther()) return "a device, FIFO or socket";
    return "not a regular file";
  }

  /** Writes {@code content} (UTF-8) to a fresh temporary file in {@code p}'s directory and renames it over {@code p}. */
  static void replace(Path p, String content, boolean secret) throws IOException {
    replace(p, content, secret, null, null);
  }

  /** What fills the temporary file. */
  private interface Fill {
    void into(FileChannel ch) throws IOException;
  }

  private static boolean replace(Path p, String content, boolean secret, Set<PosixFilePermission> mode, int[] owner)
      throws IOException {
    return replace(p, secret, mode, owner, ch -> utf8(content, (b, from, n) -> writeFully(ch, b, from, n)));
  }

  /**
   * As above; {@code mode} (when not null) is set on the temporary file before the rename, and with
   * {@code owner} (uid, gid) the temporary file gets that owner or the rename is not done (false).
   * The content is encoded and written in pieces: a large file never exists twice in memory.
   */
  private static boolean replace(Path p, boolean secret, Set<PosixFilePermission> mode, int[] owner, Fill fill)
      throws IOException {
    Path tmp = temp(p, secret || mode != null, fill);
    boolean done = false;
    try {
      if (owner != null && !chown(tmp, owner)) return false;
      if (mode != null) Files.setPosixFilePermissions(tmp, mode);
      move(tmp, p);
      done = true;
      return true;
    } finally {
      if (!done) Files.deleteIfExists(tmp);
    }
  }

  /**
   * The first half of a replace: {@code bytes} written in full (in pieces of {@link #CHUNK} bytes: no
   * large direct buffer) to a fresh temporary file beside {@code p} (0600 for secrets), which is
   * returned; nothing is left when it fails. {@link #move} renames it over {@code p} later.
   */
  static Path temp(Path p, byte[] bytes, boolean secret) throws IOException {
    return temp(p, secret, ch -> {
      for (int off = 0; off < bytes.length; off += CHUNK) writeFully(ch, ByteBuffer.wrap(bytes, off, Math.min(CHUNK, bytes.length - off)));
    });
  }

  /** A fresh temporary file beside {@code p} (0600 when {@code ownerOnly}) filled by {@code fill}; nothing is left when it fails. */
  private static Path temp(Path p, boolean ownerOnly, Fill fill) throws IOException {
    Path tmp = p.resolveSibling(".ferry-" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
    Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    boolean done = false;
    try (FileChannel ch = ownerOnly ? open(tmp, opts) : FileChannel.open(tmp, opts)) {
      fill.into(ch);
      done = true;
      return tmp;
    } catch (FileAlreadyExistsException e) {
      throw new IOException("temporary file " + tmp.getFileName() + " already exists", e);
    } finally {
      if (!done) Files.deleteIfExists(tmp);
    }
  }

  /** Renames {@code tmp} over {@code p}: atomically where the file system can. */
  static void move(Path tmp, Path p) throws IOException {
    try {
      Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean chown(Path tmp, int[] owner) throws IOException {
    try {
      if ((Integer) Files.getAttribute(tmp, "unix:uid") != owner[0]) Files.setAttribute(tmp, "unix:uid", owner[0]);
      if ((Integer) Files.getAttribute(tmp, "unix:gid") != owner[1]) Files.setAttribute(tmp, "unix:gid", owner[1]);
      return true;
    } catch (FileSystemException e) {
      return false; // not permitted: the caller edits in place instead
    }
  }

  /**
   * Edits an existing file the user named (lint --fix): a symbolic link is followed to the file it
   * names and the link stays; the file keeps its mode, owner, group and hard links. The new content
   * is renamed into place when the owner can be kept (and the file has one link); otherwise it is
   * written in place. Anything but a regular file is refused.
   */
  public static void edit(Path file, String content) throws IOException, OutputDir.Refused {
    Path real = file.toRealPath();
    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) throw new OutputDir.Refused("refusing to edit " + file + ": it is " + kind(a));
    Set<PosixFilePermission> mode;
    int[] owner;
    int links;
    try {
      mode = Files.getPosixFilePermissions(real);
      owner = new int[] {(Integer) Files.getAttribute(real, "unix:uid"), (Integer) Files.getAttribute(real, "unix:gid")};
      links = (Integer) Files.getAttribute(real, "unix:nlink");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      replace(real, content, false);
      return;
    }
    if (links == 1 && replace(real, content, false, mode, owner)) return;
    try (FileChannel ch = FileChannel.open(real, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      utf8(content, (b, from, n) -> writeFully(ch, b, from, n));
      ch.truncate(ch.position());
    }
  }

  private static FileChannel open(Path tmp, Set<OpenOption> opts) throws IOException {
    try {
      return FileChannel.open(tmp, opts, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(tmp, opts); // not a POSIX file system
    }
  }

  /** Largest buffer a file is read through: 64 KiB. */
  static final int READ_BUFFER = 1 << 16;

  /**
   * A read buffer for a file of {@code size} bytes: the file and one byte more (the read that finds
   * its end), at most {@link #READ_BUFFER}. A chart's files are a few KB each; a 64 KiB buffer for
   * each of a 10,000-service chart's 30,000 files was 2 GB of zeroed garbage per run.
   */
  static int bufferFor(long size) {
    return (int) Math.min(READ_BUFFER, Math.max(0, size) + 1);
  }

  /** SHA-256 of a file's bytes (hex), read without following a link at {@code p}. */
  static String digest(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      MessageDigest md = sha256();
      ByteBuffer b = ByteBuffer.allocate(bufferFor(ch.size()));
      while (ch.read(b) > 0) {
        b.flip();
        md.update(b);
        b.clear();
      }
      return HexFormat.of().formatHex(md.digest());
    }
  }

  /** SHA-256 of {@code bytes} (hex). */
  static String digest(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static String digest(String content) {
    MessageDigest md = sha256();
    try {
      utf8(content, md::update);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // update throws none
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Whether the file at {@code p} (a link is not followed) holds exactly the UTF-8 bytes of
   * {@code content}: then its digest is that of {@code content}, with no need to hash it.
   */
  static boolean holds(Path p, String content) throws IOException {
    return holds(p, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the file at {@code p} (a link is not followed) holds exactly {@code bytes}. */
  static boolean holds(Path p, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (ch.size() != bytes.length) return false;
      ByteBuffer buf = ByteBuffer.allocate(bufferFor(bytes.length));
      for (int off = 0; off < bytes.length; ) {
        buf.clear().limit(Math.min(buf.capacity(), bytes.length - off));
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          // read on until the piece's length or the end of the file
        }
        if (buf.hasRemaining() || !Arrays.equals(buf.array(), 0, buf.position(), bytes, off, off + buf.position())) return false;
        off += buf.position();
      }
      return ch.read(buf.clear().limit(1)) < 0;
    }
  }

  /** Something that takes the encoded pieces of a text, in order: {@code len} bytes of {@code b} from {@code off}. */
  interface Pieces {
    void accept(byte[] b, int off, int len) throws IOException;
  }

  /** Texts up to this many chars are encoded in one array (a piece of a page, a generated file), longer ones a {@link #CHUNK} at a time. */
  static final int WHOLE = 1 << 22;

  /**
   * Passes the UTF-8 encoding of {@code s} to {@code sink} in consecutive pieces of at most
   * 3 * {@link #CHUNK} bytes, in one encoding of the whole text up to {@link #WHOLE} chars (a copy
   * of each piece and its encoding were two copies of every page written), else {@link #CHUNK}
   * chars at a time (a surrogate pair never split).
   */
  static void utf8(String s, Pieces sink) throws IOException {
    int n = s.length();
    if (n <= WHOLE) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      for (int off = 0; off < b.length; off += 3 * CHUNK) sink.accept(b, off, Math.min(b.length - off, 3 * CHUNK));
      return;
    }
    for (int i = 0; i < n;) {
      int end = Math.min(n, i + CHUNK);
      if (end < n && Character.isHighSurrogate(s.charAt(end - 1))) end--;
      byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
      sink.accept(b, 0, b.length);
      i = end;
    }
  }

  private static void writeFully(FileChannel ch, byte[] bytes, int off, int len) throws IOException {
    writeFully(ch, ByteBuffer.wrap(bytes, off, len));
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) ch.write(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
