package dev.ferry.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's locale change is undone for interpolation, and nothing else is touched. */
class UserEnvironmentTest {
  @Test
  void aVariableTheLauncherSetIsPutBackOrRemoved() {
    assertEquals(Map.of("LC_ALL", "C", "HOME", "/h"),
        UserEnvironment.of(Map.of("LC_ALL", "C.UTF-8", "HOME", "/h", "FERRY_LOCALE_VAR", "LC_ALL", "FERRY_LOCALE_WAS", "=C")));
    assertEquals(Map.of("LANG", "C"),
        UserEnvironment.of(Map.of("LC_CTYPE", "C.UTF-8", "LANG", "C", "FERRY_LOCALE_VAR", "LC_CTYPE", "FERRY_LOCALE_WAS", "")));
    assertEquals(Map.of("LC_CTYPE", ""),
        UserEnvironment.of(Map.of("LC_CTYPE", "C.UTF-8", "FERRY_LOCALE_VAR", "LC_CTYPE", "FERRY_LOCALE_WAS", "=")));
  }

  @Test
  void withoutTheLaunchersMarkTheEnvironmentIsAsItIs() {
    Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "FERRY_LOCALE_WAS", "=C");
    assertEquals(env, UserEnvironment.of(env));
    Map<String, String> other = Map.of("PATH", "/bin", "FERRY_LOCALE_VAR", "PATH", "FERRY_LOCALE_WAS", "");
    assertEquals(other, UserEnvironment.of(other), "only the two locale variables are ever put back");
  }
}
