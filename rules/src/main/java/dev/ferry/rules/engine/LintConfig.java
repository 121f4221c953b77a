package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.stage.Parse;

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
 * Found upward from the compose file's directory unless named with {@code --config}.
 */
public final class LintConfig {
  public static final String FILE = ".ferry.yaml";

  /** A rule's setting: enabled (null = default), severity override (null = default), options. */
  public record RuleSetting(Boolean enabled, Severity severity, Map<String, Object> options) {}

  private final Path source;
  private final Map<String, RuleSetting> rules;
  private final List<PathMatcher> ignore;

  private LintConfig(Path source, Map<String, RuleSetting> rules, List<PathMatcher> ignore) {
    this.source = source;
    this.rules = rules;
    this.ignore = ignore;
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

  @SuppressWarnings("unchecked")
  public static LintConfig load(Path file) throws IOException, InvalidConfig {
    Diagnostics read = new Diagnostics();
    Object root = Parse.plain(file.toString(), Files.readAllBytes(file), read);
    if (read.hasErrors()) throw new InvalidConfig(read.sorted().get(0).format());
    if (root == null) return new LintConfig(file, Map.of(), List.of());
    if (!(root instanceof Map<?, ?> m)) throw new InvalidConfig(file + ":1:1: expected a mapping with rules: and ignore:");
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    if (m.get("rules") instanceof Map<?, ?> rm) {
      for (Map.Entry<?, ?> e : rm.entrySet()) {
        String id = String.valueOf(e.getKey());
        Object v = e.getValue();
        if (v instanceof Map<?, ?> vm) {
          Object sev = vm.get("severity");
          Boolean enabled = vm.get("enabled") instanceof Boolean b ? b : null;
          Severity s = sev == null ? null : severity(file, id, sev.toString());
          if (sev != null && sev.toString().equalsIgnoreCase("off")) enabled = false;
          // options under options:, or inline next to severity (rules: {root-user: {nonRootImages: [...]}})
          Map<String, Object> opts = new LinkedHashMap<>();
          for (Map.Entry<?, ?> o : vm.entrySet()) {
            String k = String.valueOf(o.getKey());
            if (!k.equals("severity") && !k.equals("enabled") && !k.equals("options")) opts.put(k, o.getValue());
          }
          if (vm.get("options") instanceof Map<?, ?> om) opts.putAll((Map<String, Object>) om);
          rules.put(id, new RuleSetting(enabled, s, opts));
        } else {
          String t = String.valueOf(v).toLowerCase(Locale.ROOT);
          switch (t) {
            case "off", "false" -> rules.put(id, new RuleSetting(false, null, Map.of()));
            case "on", "true" -> rules.put(id, new RuleSetting(true, null, Map.of()));
            default -> rules.put(id, new RuleSetting(true, severity(file, id, t), Map.of()));
          }
        }
      }
    }
    List<PathMatcher> ignore = new ArrayList<>();
    if (m.get("ignore") instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        try {
          ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + l.get(i)));
        } catch (java.util.regex.PatternSyntaxException | UnsupportedOperationException e) {
          throw new InvalidConfig(file + ":1:1: ignore[" + i + "]: invalid glob '" + l.get(i) + "': "
              + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    return new LintConfig(file, rules, ignore);
  }

  private static Severity severity(Path file, String id, String s) throws InvalidConfig {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "error" -> Severity.ERROR;
      case "warning", "warn" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      case "off" -> null;
      default -> throw new InvalidConfig(file + ":1:1: rule " + id + ": unknown severity '" + s + "' (error, warning, info, off)");
    };
  }

  public RuleSetting setting(String id) {
    return rules.getOrDefault(id, new RuleSetting(null, null, Map.of()));
  }

  public Map<String, RuleSetting> rules() {
    return rules;
  }

  /** Whether a file (as displayed, relative to the working directory) is ignored. */
  public boolean ignored(String file) {
    Path p = Path.of(file).normalize();
    for (PathMatcher m : ignore) if (m.matches(p)) return true;
    return false;
  }

  public Path source() {
    return source;
  }
}
