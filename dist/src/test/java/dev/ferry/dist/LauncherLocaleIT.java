package dev.ferry.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release launcher under the C and POSIX locales: a project in a directory whose name is not
 * ASCII loads (the JVM runs in C.UTF-8 where it is installed), and compose interpolation still
 * sees the user's own locale variables.
 */
class LauncherLocaleIT {
  @TempDir Path tmp;

  private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    environment:\n"
      + "      ALL: \"${LC_ALL:-unset}\"\n      CTYPE: \"${LC_CTYPE:-unset}\"\n      LANG_IS: \"${LANG:-unset}\"\n      GREETING: héllo\n";

  @Test
  void aNonAsciiDirectoryLoadsAndInterpolationSeesTheUsersLocale() throws IOException {
    Install in = Install.unpack(Install.archive(), tmp);
    Path dir = Files.createDirectories(tmp.resolve("données"));
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    assertTrue(Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")) || Files.isDirectory(Path.of("/usr/lib/locale/C.UTF-8")),
        "this test needs the C.UTF-8 locale (Debian and Ubuntu: libc-bin), which the launcher looks for");
    // the user's locale variables -> what ${LC_ALL}, ${LC_CTYPE} and ${LANG} must read
    Map<Map<String, String>, String> cases = Map.of(
        Map.of("LC_ALL", "C"), "C unset unset",
        Map.of("LANG", "C"), "unset unset C",
        Map.of(), "unset unset unset",
        Map.of("LC_CTYPE", "POSIX", "LANG", "C"), "unset POSIX C");
    for (var c : cases.entrySet()) {
      Map<String, String> env = new HashMap<>(in.env());
      env.remove("LANG");
      env.putAll(c.getKey());
      for (Path cwd : new Path[] {dir, tmp}) {
        String file = cwd.equals(dir) ? "compose.yaml" : "données/compose.yaml";
        Proc p = in.ferry(cwd, env, "convert", "-f", file);
        String what = c.getKey() + " in " + cwd.getFileName() + ": " + p;
        assertEquals(0, p.code(), what);
        String[] want = c.getValue().split(" ");
        assertValue(p.out(), "ALL", want[0], what);
        assertValue(p.out(), "CTYPE", want[1], what);
        assertValue(p.out(), "LANG_IS", want[2], what);
        assertValue(p.out(), "GREETING", "héllo", what);
      }
    }
  }

  private static void assertValue(String manifests, String name, String value, String what) {
    assertTrue(Pattern.compile("- name: " + name + "\\n\\s+value: " + Pattern.quote(value) + "\\n").matcher(manifests).find(),
        name + " should be " + value + ": " + what);
  }
}
