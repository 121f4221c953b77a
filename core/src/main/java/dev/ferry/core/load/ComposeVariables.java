package dev.ferry.core.load;

import dev.ferry.core.load.env.DotEnv;
import dev.ferry.core.load.stage.Parse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * docker compose's own variables, with its precedence (flags over the shell environment over the
 * {@code .env} file): {@code COMPOSE_FILE} split by {@code COMPOSE_PATH_SEPARATOR} (default the
 * platform's path-list separator: {@code :} on Linux and macOS, {@code ;} on Windows),
 * {@code COMPOSE_ENV_FILES} (comma-separated), {@code COMPOSE_PROFILES} and
 * {@code COMPOSE_PROJECT_NAME}. Reads only the explicit environment of the {@link LoadOptions}.
 */
public final class ComposeVariables {
  public static final String FILE = "COMPOSE_FILE";
  public static final String PATH_SEPARATOR = "COMPOSE_PATH_SEPARATOR";
  public static final String ENV_FILES = "COMPOSE_ENV_FILES";
  public static final String PROFILES = "COMPOSE_PROFILES";
  public static final String PROJECT_NAME = "COMPOSE_PROJECT_NAME";

  private ComposeVariables() {}

  /** The env files for interpolation: {@code --env-file}, else COMPOSE_ENV_FILES of the shell; empty: the default {@code .env}. */
  static List<Path> envFiles(LoadOptions opts) {
    if (!opts.envFiles().isEmpty()) return opts.envFiles();
    String v = opts.environment().get(ENV_FILES);
    List<Path> out = new ArrayList<>();
    if (v != null) for (String p : v.split(",")) if (!p.isBlank()) out.add(Path.of(p.trim()));
    return out;
  }

  /**
   * The compose files to load: {@code -f}, else COMPOSE_FILE from the shell, else from the env
   * file(s) of the working (or project) directory; empty: discover the default names.
   */
  static List<Path> files(LoadOptions opts) {
    if (!opts.files().isEmpty()) return opts.files();
    Map<String, String> dotenv = null;
    String value = opts.environment().get(FILE);
    if (value == null) {
      dotenv = dotenv(opts);
      value = dotenv.get(FILE);
    }
    if (value == null || value.isBlank()) return List.of();
    String sep = opts.environment().get(PATH_SEPARATOR);
    if (sep == null) sep = (dotenv == null ? dotenv(opts) : dotenv).get(PATH_SEPARATOR);
    if (sep == null || sep.isEmpty()) sep = File.pathSeparator;
    List<Path> out = new ArrayList<>();
    for (String p : value.split(Pattern.quote(sep))) if (!p.isBlank()) out.add(Path.of(p.trim()));
    return out;
  }

  /**
   * The variables of the env files as seen before any compose file is chosen (for COMPOSE_FILE and
   * COMPOSE_PATH_SEPARATOR): unreadable or invalid files give nothing here; the loader reports
   * them when it reads them for interpolation.
   */
  private static Map<String, String> dotenv(LoadOptions opts) {
    List<Path> files = envFiles(opts);
    if (files.isEmpty()) {
      Path dir = opts.projectDirectory() != null ? opts.workingDirectory().resolve(opts.projectDirectory()) : opts.workingDirectory();
      files = List.of(dir.resolve(".env"));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Path p : files) {
      Path abs = opts.workingDirectory().resolve(p).normalize();
      try {
        if (!Files.isRegularFile(abs) || Files.size(abs) > Parse.MAX_BYTES) continue;
        out.putAll(DotEnv.parse(Files.readString(abs, StandardCharsets.UTF_8), k -> opts.environment().get(k)).values());
      } catch (IOException | RuntimeException e) {
        // reported when the loader reads the file for interpolation
      }
    }
    return out;
  }
}
