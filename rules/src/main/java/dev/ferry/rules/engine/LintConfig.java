package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .ferry.yaml}: per-rule settings and ignored paths.
 *
 * <pre>
 * rules:
 *   root-user: off              # off | error | warning | info | on
 *   image-unpinned: {severity: error}
 *   container-name-pattern: {options: {pattern: "^[a-z][a-z0-9-]*$"}}
 * ignore:
 *   - "examples/**"
 * </pre>
 *
 * Found upward from the compose file's directory unless named with {@code --config}. Rule ids and
 * options are checked when it is read (see {@link ConfigReader}); options are declared on the rule's
 * {@link dev.ferry.rules.api.RuleInfo}.
 */
public final class LintConfig {
  public static final String FILE = ".ferry.yaml";

  /**
   * A rule's setting: enabled (null = default), severity override (null = default), and the options
   * set (name to a value of the option's declared type, checked when the file was read).
   */
  public record RuleSetting(Boolean enabled, Severity severity, Map<String, Object> options) {}

  private final Path source;
  private final Map<String, RuleSetting> rules;
  private final List<PathMatcher> ignore;

  LintConfig(Path source, Map<String, RuleSetting> rules, List<PathMatcher> ignore) {
    this.source = source;
    this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    this.ignore = List.copyOf(ignore);
  }

  public static LintConfig none() {
    return new LintConfig(null, Map.of(), List.of());
  }

  /** The nearest .ferry.yaml at or above {@code dir}, or none. */
  public static LintConfig find(Path dir) throws IOException, InvalidConfig {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path f = d.resolve(FILE);
      if (Files.isRegularFile(f)) return load(f);
    }
    return none();
  }

  /** A config file that cannot be used, with its position. */
  public static final class InvalidConfig extends Exception {
    public InvalidConfig(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads and checks {@code file}: every error in it (with its position) at once. */
  public static LintConfig load(Path file) throws IOException, InvalidConfig {
    return ConfigReader.read(file);
  }

  public RuleSetting setting(String id) {
    return rules.getOrDefault(id, new RuleSetting(null, null, Map.of()));
  }

  /** The options {@code rule} runs with: those set here, else the declared defaults. */
  public RuleOptions options(Rule rule) {
    return new RuleOptions(rule.info(), setting(rule.id()).options());
  }

  public Map<String, RuleSetting> rules() {
    return rules;
  }

  /** Whether a file (as displayed, relative to the working directory) is ignored. */
  public boolean ignored(String file) {
    if (ignore.isEmpty()) return false; // asked per finding: no path to build when nothing is ignored
    Path p = Path.of(file).normalize();
    for (PathMatcher m : ignore) if (m.matches(p)) return true;
    return false;
  }

  public Path source() {
    return source;
  }
}
