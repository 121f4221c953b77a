package dev.ferry.cli.options;

import dev.ferry.cli.support.UserEnvironment;
import dev.ferry.cli.support.UserError;
import dev.ferry.core.load.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that loads a compose project shares (a picocli mixin). */
public final class ProjectOptions {
  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Compose file(s), merged in order. Default: COMPOSE_FILE (separated by COMPOSE_PATH_SEPARATOR), else compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml (+ its .override file).")
  public List<Path> files = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "FILE", description = "Env file(s) for interpolation. Default: COMPOSE_ENV_FILES, else .env in the project directory.")
  public List<Path> envFiles = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "NAME", description = "Profiles to enable (repeatable). Default: COMPOSE_PROFILES.")
  public List<String> profiles = new ArrayList<>();

  @Option(names = "--project-directory", paramLabel = "DIR", description = "Project directory. Default: the first file's directory.")
  public Path projectDirectory;

  @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name. Default: COMPOSE_PROJECT_NAME, the top-level name or the directory name.")
  public String projectName;

  @Option(names = "--strict", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Fail as compose does when a required variable (${X:?msg}) is unset or a required env_file is missing."
          + " Without it (or with --no-strict) both are warnings and the value is empty: ferry usually runs without the"
          + " deploy environment (CI, a migration review), where a user-made .env is absent.")
  public boolean strict = false;

  /** Load options for these flags, with the process environment (the CLI is the one place that reads it). */
  public LoadOptions toLoadOptions() {
    return toLoadOptions(UserEnvironment.get());
  }

  public LoadOptions toLoadOptions(Map<String, String> environment) {
    LoadOptions.Builder b = LoadOptions.builder()
        .workingDirectory(workingDirectory())
        .files(files)
        .profiles(profiles)
        .environment(environment)
        .projectName(projectName)
        .strict(strict);
    envFiles.forEach(b::envFile);
    if (projectDirectory != null) b.projectDirectory(projectDirectory);
    return b.build();
  }

  /**
   * The working directory; an error when its name has characters the JVM could not read in its
   * locale (under an ASCII one each byte of them becomes '?', so the directory is not found and
   * every file in it was "no such file"). The launcher runs the JVM in C.UTF-8 where it can; this
   * is the message where it cannot.
   */
  static Path workingDirectory() {
    Path wd = Path.of("").toAbsolutePath();
    String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!jnu.equalsIgnoreCase("UTF-8") && !Files.isDirectory(wd)) {
      throw new UserError("the working directory's name (" + wd + ") has characters this JVM cannot read: it reads file names as "
          + jnu + " in this locale; run ferry under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }
    return wd;
  }
}
