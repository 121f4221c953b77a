package dev.ferry.rules.report;

import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import java.util.Arrays;
import dev.ferry.rules.engine.RuleRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/rules/README.md, generated from the rule metadata (a test keeps the committed file equal to
 * this), the header every rule page must start with, and each page's options section.
 */
public final class RuleDocs {
  /** dclint's 15 rules and ferry's rule of the same meaning. */
  public static final Map<String, String> DCLINT = dclint();

  private RuleDocs() {}

  private static Map<String, String> dclint() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("no-build-and-image", "build-and-image");
    m.put("no-duplicate-container-names", "duplicate-container-name");
    m.put("no-duplicate-exported-ports", "duplicate-published-port");
    m.put("no-quotes-in-volumes", "volumes-quoted");
    m.put("no-unbound-port-interfaces", "published-port-all-interfaces");
    m.put("no-version-field", "obsolete-version");
    m.put("require-project-name-field", "project-name-missing");
    m.put("require-quotes-in-ports", "ports-unquoted");
    m.put("service-container-name-regex", "container-name-pattern");
    m.put("service-dependencies-alphabetical-order", "depends-on-order");
    m.put("service-image-require-explicit-tag", "image-unpinned");
    m.put("service-keys-order", "service-keys-order");
    m.put("service-ports-alphabetical-order", "ports-order");
    m.put("services-alphabetical-order", "services-order");
    m.put("top-level-properties-order", "top-level-order");
    return m;
  }

  /** The first lines of docs/rules/&lt;id&gt;.md. */
  public static String header(RuleInfo i) {
    return "# " + i.id() + "\n\n" + i.summary() + "\n\nSeverity: **" + i.severity().label() + "** · Category: **"
        + i.category().label() + "** · Fixable: " + (i.fixable() ? "yes" : "no") + "\n";
  }

  /**
   * The "## Options" section of a rule page, generated from its {@link RuleOption} declarations
   * ("" for a rule without options).
   */
  public static String options(RuleInfo i) {
    if (i.options().length == 0) return "";
    StringBuilder b = new StringBuilder("## Options\n\n");
    b.append("Set in `.ferry.yaml`, e.g. `rules: {").append(i.id()).append(": {").append(i.options()[0].name())
        .append(": ...}}`; an unknown option or a value of another type is an error.\n\n");
    b.append("| Option | Type | Default | What it changes |\n|---|---|---|---|\n");
    for (RuleOption o : i.options()) {
      String type = o.values().length == 0 ? o.type().label()
          : "one of " + String.join(", ", Arrays.stream(o.values()).map(v -> "`" + v + "`").toList());
      b.append("| `").append(o.name()).append("` | ").append(type).append(" | ").append(defaultValue(o))
          .append(" | ").append(o.description().replace("|", "\\|")).append(" |\n");
    }
    return b.append('\n').toString();
  }

  private static String defaultValue(RuleOption o) {
    Object v = o.type().parseDefault(o.defaultValue());
    String text = v instanceof List<?> l ? "[" + String.join(", ", l.stream().map(String::valueOf).toList()) + "]" : String.valueOf(v);
    return "`" + text.replace("|", "\\|") + "`";
  }

  /** {@code page} with its options section as generated: replaced, or put before "## How to fix". */
  public static String withOptions(String page, RuleInfo i) {
    String rest = page;
    int at = rest.indexOf("\n## Options\n");
    if (at >= 0) {
      int end = rest.indexOf("\n## ", at + 1);
      rest = rest.substring(0, at + 1) + (end < 0 ? "" : rest.substring(end + 1));
    }
    String section = options(i);
    if (section.isEmpty()) return rest;
    int how = rest.indexOf("\n## How to fix");
    return how < 0 ? rest + "\n" + section : rest.substring(0, how + 1) + section + rest.substring(how + 1);
  }

  public static String readme() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- Generated from the rule metadata (RuleDocs); edit the rule classes, not this file. -->\n");
    b.append("# Lint rules\n\n");
    b.append("`ferry lint` has ").append(RuleRegistry.all().size()).append(" rules. Each has a page (what it finds, why it")
        .append(" matters on Kubernetes, a bad and a good example); `ferry rules <id>` prints it.\n")
        .append("Configure them in `.ferry.yaml` (`rules: {<id>: off|error|warning|info}` or")
        .append(" `{<id>: {severity: ..., options...}}`, `ignore: [globs]`) and suppress one line with")
        .append(" `# ferry-disable-next-line <id>`.\n")
        .append("Output: `--format ").append(String.join("|", Arrays.stream(Format.values())
            .map(Enum::name).toList()))
        .append("` (compact: one line per finding; codeclimate: GitLab Code Quality). Exit code 1 for findings at or")
        .append(" above `--fail-on` (default error) or more than `--max-warnings N` warnings and errors.\n");
    for (Category c : Category.values()) {
      b.append("\n## ").append(Character.toUpperCase(c.label().charAt(0))).append(c.label().substring(1)).append("\n\n");
      b.append("| Rule | Severity | Fixable | What it finds |\n|---|---|---|---|\n");
      for (Rule r : RuleRegistry.sorted()) {
        RuleInfo i = r.info();
        if (i.category() != c) continue;
        b.append("| [").append(i.id()).append("](").append(i.id()).append(".md) | ").append(i.severity().label())
            .append(i.enabledByDefault() ? "" : " (off by default)").append(" | ").append(i.fixable() ? "yes" : "")
            .append(" | ").append(i.summary().replace("|", "\\|")).append(" |\n");
      }
    }
    b.append("\n## Parity with dclint\n\n");
    b.append("Every rule of [dclint](https://github.com/zavoloklom/docker-compose-linter) has a ferry rule with the same")
        .append(" meaning. Differences: ferry reads the merged, interpolated model (override files, `extends`, `include`),")
        .append(" reports every schema error (not only the first), and points at keys by their parsed position, not by a")
        .append(" text search.\n\n");
    b.append("| dclint | ferry | Fixable in ferry |\n|---|---|---|\n");
    for (Map.Entry<String, String> e : DCLINT.entrySet()) {
      RuleInfo i = RuleRegistry.byId(e.getValue()).orElseThrow().info();
      b.append("| `").append(e.getKey()).append("` | [").append(i.id()).append("](").append(i.id()).append(".md) | ")
          .append(i.fixable() ? "yes" : "no").append(" |\n");
    }
    return b.toString();
  }
}
