package dev.ferry.rules.engine;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.stage.Parse;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleOption;
import dev.ferry.rules.engine.LintConfig.RuleSetting;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code .ferry.yaml} and checks it against the rules: an unknown key, rule id or option, a
 * severity ferry does not know, and a value of the wrong type are errors at their file:line:col,
 * with the nearest known name; every error of the file is reported at once.
 */
final class ConfigReader {
  private static final List<String> TOP_LEVEL = List.of("rules", "ignore");
  private static final List<String> SETTINGS = List.of("off", "on", "error", "warning", "info");
  private static final List<String> SEVERITIES = List.of("error", "warning", "info", "off");

  private final Path file;
  private final List<String> errors = new ArrayList<>();
  private final Map<String, RuleSetting> rules = new LinkedHashMap<>();
  private final List<PathMatcher> ignore = new ArrayList<>();

  private ConfigReader(Path file) {
    this.file = file;
  }

  static LintConfig read(Path file) throws IOException, LintConfig.InvalidConfig {
    Diagnostics parsed = new Diagnostics();
    Node root = Parse.config(file.toString(), Files.readAllBytes(file), parsed);
    if (parsed.hasErrors()) {
      throw new LintConfig.InvalidConfig(String.join("\n", parsed.sorted().stream().filter(Diagnostic::isError)
          .map(Diagnostic::format).toList()));
    }
    ConfigReader r = new ConfigReader(file);
    if (root != null) r.top(root);
    if (!r.errors.isEmpty()) throw new LintConfig.InvalidConfig(String.join("\n", r.errors));
    return new LintConfig(file, r.rules, r.ignore);
  }

  private void error(Position at, String message) {
    errors.add(at + ": " + message);
  }

  private void top(Node root) {
    if (!(root instanceof MapNode m)) {
      error(root.position(), "expected a mapping with rules: and ignore:");
      return;
    }
    for (MapNode.Entry e : m.entries()) {
      switch (e.key()) {
        case "rules" -> rules(e.value());
        case "ignore" -> ignore(e.value());
        default -> error(e.keyPosition(), "unknown key '" + e.key() + "' (rules, ignore)" + DidYouMean.hint(e.key(), TOP_LEVEL));
      }
    }
  }

  private void rules(Node v) {
    if (v.isNull()) return;
    if (!(v instanceof MapNode m)) {
      error(v.position(), "rules must be a mapping of rule ids, got " + OptionReader.article(v.typeName()));
      return;
    }
    List<String> ids = RuleRegistry.all().stream().map(Rule::id).toList();
    for (MapNode.Entry e : m.entries()) {
      Rule r = RuleRegistry.byId(e.key()).orElse(null);
      if (r == null) {
        error(e.keyPosition(), "unknown rule '" + e.key() + "'" + DidYouMean.hint(e.key(), ids)
            + " (ferry rules lists them)");
      } else {
        RuleSetting s = e.value() instanceof MapNode vm ? setting(r, vm) : shortSetting(r.id(), e.value());
        if (s != null) rules.put(r.id(), s);
      }
    }
  }

  /** {@code id: off | on | error | warning | info}. */
  private RuleSetting shortSetting(String id, Node v) {
    String t = v instanceof ScalarNode s ? s.text().toLowerCase(Locale.ROOT) : "";
    switch (t) {
      case "off", "false" -> {
        return new RuleSetting(false, null, Map.of());
      }
      case "on", "true" -> {
        return new RuleSetting(true, null, Map.of());
      }
      default -> {
        Severity s = severity(id, v, SETTINGS);
        return s == null ? null : new RuleSetting(true, s, Map.of());
      }
    }
  }

  /** {@code id: {severity: ..., enabled: ..., options: {...}}}, options also inline next to severity. */
  private RuleSetting setting(Rule r, MapNode m) {
    Boolean enabled = null;
    Severity severity = null;
    Map<String, Object> options = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      switch (e.key()) {
        case "severity" -> {
          severity = severity(r.id(), e.value(), SEVERITIES);
          if (e.value() instanceof ScalarNode s && s.text().equalsIgnoreCase("off")) enabled = false;
        }
        case "enabled" -> {
          if (e.value() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOL) {
            if (enabled == null) enabled = (Boolean) s.value();
          } else {
            error(e.value().position(), "rule " + r.id() + ": enabled must be true or false");
          }
        }
        case "options" -> options(r, e.value(), options);
        default -> option(r, e, options);
      }
    }
    return new RuleSetting(enabled, severity, options);
  }

  private void options(Rule r, Node v, Map<String, Object> into) {
    if (v instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) option(r, e, into);
    } else if (!v.isNull()) {
      error(v.position(), "rule " + r.id() + ": options must be a mapping, got " + OptionReader.article(v.typeName()));
    }
  }

  private void option(Rule r, MapNode.Entry e, Map<String, Object> into) {
    RuleOption o = Arrays.stream(r.info().options()).filter(x -> x.name().equals(e.key())).findFirst().orElse(null);
    if (o == null) {
      error(e.keyPosition(), "rule " + r.id() + ": unknown option '" + e.key() + "'" + known(r, e.key()));
      return;
    }
    Object value = OptionReader.read(r.id(), o, e.value(), (at, message) -> error(at.position(), message));
    if (value != null) into.put(o.name(), value);
  }

  private static String known(Rule r, String given) {
    List<String> names = Arrays.stream(r.info().options()).map(RuleOption::name).toList();
    if (names.isEmpty()) return " (it has no options; a setting is severity or enabled)";
    String hint = DidYouMean.hint(given, names);
    return hint.isEmpty() ? " (options: " + String.join(", ", names) + ")" : hint;
  }

  /** A severity, or null: "off" (the caller turns the rule off) or an error naming the {@code allowed} words. */
  private Severity severity(String id, Node v, List<String> allowed) {
    String t = v instanceof ScalarNode s ? s.text().toLowerCase(Locale.ROOT) : "";
    switch (t) {
      case "error" -> {
        return Severity.ERROR;
      }
      case "warning", "warn" -> {
        return Severity.WARNING;
      }
      case "info" -> {
        return Severity.INFO;
      }
      case "off" -> {
        return null;
      }
      default -> {
        String shown = v instanceof ScalarNode s && !s.isNull() ? "'" + s.text() + "'" : OptionReader.article(v.typeName());
        error(v.position(), "rule " + id + ": unknown setting " + shown + " (" + String.join(", ", allowed)
            + (allowed == SETTINGS ? ", or a mapping" : "") + ")" + DidYouMean.hint(t, allowed));
        return null;
      }
    }
  }

  private void ignore(Node v) {
    if (v.isNull()) return;
    if (!(v instanceof SeqNode q)) {
      error(v.position(), "ignore must be a list of globs, got " + OptionReader.article(v.typeName()));
      return;
    }
    for (int i = 0; i < q.size(); i++) {
      Node item = q.get(i);
      String glob = item instanceof ScalarNode s ? s.text() : null;
      try {
        if (glob == null) throw new IllegalArgumentException("not a string");
        ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        error(item.position(), "ignore[" + i + "]: invalid glob '" + (glob == null ? item.typeName() : glob) + "': "
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
  }
}
