package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry lint DIR} over a project with a directory it may not read (a database container's
 * data directory, 0700 and another user's): that directory is passed over with a message, the
 * rest is linted. It ended the whole lint with "cannot read: DIR/data/db".
 */
class LintUnreadableDirectoryTest {
  @Test
  void anUnreadableDirectoryIsSkippedWithAMessage(@TempDir Path tmp) throws Exception {
    Path proj = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(proj.resolve("compose.yaml"), "name: shop\nservices:\n  web:\n    image: nginx:1.27\n");
    Files.writeString(Files.createDirectories(proj.resolve("sub")).resolve("compose.yaml"), "name: sub\nservices:\n  api:\n    image: nginx:1.27\n");
    Path db = Files.createDirectories(proj.resolve("data/db"));
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("---------"));
    try {
      List<String> cmd = new ArrayList<>();
      if (System.getProperty("user.name").equals("root")) {
        // root reads any directory; without these two capabilities it is refused as any user is
        cmd.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
      }
      cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.Main", "lint", "--format", "json", "--fail-on", "never", "proj"));
      Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
          .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      String out = Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8);
      String err = Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), err);
      assertTrue(err.contains("ferry: skipped " + db + ": permission denied (compose files in it, if any, are not linted)"), err);
      assertTrue(out.contains("proj/compose.yaml") && out.contains("proj/sub/compose.yaml"), out);
    } finally {
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
