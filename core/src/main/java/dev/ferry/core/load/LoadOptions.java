package dev.ferry.core.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to load. The environment is explicit (the CLI passes the process environment; tests pass a
 * map): the loader never reads {@code System.getenv()}. {@code workingDirectory} is where default
 * file discovery happens and what display names are relative to.
 */
public record LoadOptions(
    List<Path> files,
    Path workingDirectory,
    Path projectDirectory,
    List<Path> envFiles,
    Set<String> profiles,
    Map<String, String> environment,
    String projectName,
    boolean strict,
    boolean recover,
    boolean outlines) {

  public LoadOptions {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = Set.copyOf(profiles);
    environment = Map.copyOf(environment);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.files.addAll(files);
    b.workingDirectory = workingDirectory;
    b.projectDirectory = projectDirectory;
    b.envFiles.addAll(envFiles);
    b.profiles.addAll(profiles);
    b.environment.putAll(environment);
    b.projectName = projectName;
    b.strict = strict;
    b.recover = recover;
    b.outlines = outlines;
    return b;
  }

  /** Builder with positive flags and empty defaults. */
  public static final class Builder {
    private final List<Path> files = new ArrayList<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Path projectDirectory;
    private final List<Path> envFiles = new ArrayList<>();
    private final Set<String> profiles = new LinkedHashSet<>();
    private final Map<String, String> environment = new TreeMap<>();
    private String projectName;
    private boolean strict = false;
    private boolean recover;
    private boolean outlines;

    public Builder file(Path f) {
      files.add(f);
      return this;
    }

    public Builder files(List<Path> fs) {
      files.addAll(fs);
      return this;
    }

    /** Forgets the files given so far (for {@link LoadOptions#toBuilder()}). */
    public Builder clearFiles() {
      files.clear();
      return this;
    }

    public Builder workingDirectory(Path d) {
      workingDirectory = d.toAbsolutePath().normalize();
      return this;
    }

    public Builder projectDirectory(Path d) {
      projectDirectory = d;
      return this;
    }

    public Builder envFile(Path f) {
      envFiles.add(f);
      return this;
    }

    public Builder profile(String p) {
      profiles.add(p);
      return this;
    }

    public Builder profiles(Collection<String> ps) {
      profiles.addAll(ps);
      return this;
    }

    public Builder environment(Map<String, String> env) {
      environment.putAll(env);
      return this;
    }

    public Builder env(String k, String v) {
      environment.put(k, v);
      return this;
    }

    public Builder projectName(String n) {
      projectName = n;
      return this;
    }

    /**
     * Compose's strictness: a missing required variable ({@code ${X:?msg}}) or required env_file
     * is an error, as in docker compose. {@code false} (the default, see docs/loading.md's
     * deviations) makes both warnings naming the variable and its message (the value becomes
     * empty), for a run without the deploy environment.
     */
    public Builder strict(boolean b) {
      strict = b;
      return this;
    }

    /**
     * Go on past errors as far as the files allow (for lint: the model-based rules still run on
     * what could be read). The project may then be partial; without it, errors stop at the files.
     */
    public Builder recover(boolean b) {
      recover = b;
      return this;
    }

    /**
     * Keep each compose file's {@link dev.ferry.core.load.stage.Outline} (its entries' lines, read
     * from the same parse: {@link LoadResult#outlines}) for explain's line tables, instead of
     * explain reading each file a second time.
     */
    public Builder outlines(boolean b) {
      outlines = b;
      return this;
    }

    public LoadOptions build() {
      return new LoadOptions(files, workingDirectory, projectDirectory, envFiles, profiles, environment, projectName,
          strict, recover, outlines);
    }
  }
}
