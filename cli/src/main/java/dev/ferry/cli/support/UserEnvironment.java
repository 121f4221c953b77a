package dev.ferry.cli.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment the user ran ferry in, for compose interpolation. The launcher runs the JVM in
 * the C.UTF-8 locale when the user's is C or POSIX (else Java reads non-ASCII file names as '?'),
 * and says which variable it changed and what it held ({@code FERRY_LOCALE_VAR}, and
 * {@code FERRY_LOCALE_WAS}: empty when it was unset, else {@code =} and its value): that change
 * is undone here, so {@code ${LC_ALL}} in a compose file reads what docker compose would read.
 */
public final class UserEnvironment {
  static final String VAR = "FERRY_LOCALE_VAR";
  static final String WAS = "FERRY_LOCALE_WAS";

  private UserEnvironment() {}

  /** The process environment as the user set it. */
  public static Map<String, String> get() {
    return of(System.getenv());
  }

  /** {@code env} with the launcher's locale change undone (unchanged when it made none). */
  static Map<String, String> of(Map<String, String> env) {
    String var = env.get(VAR);
    String was = env.get(WAS);
    if (var == null || was == null || !(var.equals("LC_ALL") || var.equals("LC_CTYPE"))) return env;
    Map<String, String> out = new HashMap<>(env);
    out.remove(VAR);
    out.remove(WAS);
    if (was.startsWith("=")) out.put(var, was.substring(1));
    else out.remove(var);
    return Map.copyOf(out);
  }
}
