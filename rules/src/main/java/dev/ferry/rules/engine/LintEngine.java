package dev.ferry.rules.engine;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.Position;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.Translator;
import dev.ferry.rules.api.DiagnosticRule;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.migration.PerLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lints one compose project: loads it (going on past errors, so the model rules still run on what
 * could be read), maps the loader's and the converter's diagnostics onto their rules (the code
 * that knows reports; lint shows), runs the rule classes, then applies .ferry.yaml and inline
 * suppressions. Where a rule class and a translation diagnostic share an id, the rule class says
 * which of the translation's findings it already covers ({@link Rule#covers}); those are not shown twice.
 */
public final class LintEngine {
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line)
      .thenComparingInt(Finding::column)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  private LintEngine() {}

  public static LintResult lint(LoadOptions options, LintConfig config) {
    return lint(options, config, TranslateOptions.defaults());
  }

  /** Lints with the conversion choices {@code convert} would use (its findings are the translation's). */
  public static LintResult lint(LoadOptions options, LintConfig config, TranslateOptions translate) {
    LoadOptions opts = withRecover(options);
    LoadResult load = ComposeLoader.load(opts);
    Position fallback = fallback(load, opts);
    List<Finding> raw = new ArrayList<>();

    for (Diagnostic d : load.diagnostics()) raw.add(fromDiagnostic(d, fallback));

    // The translation (for its findings) runs on a second core while the rule classes run here.
    java.util.concurrent.CompletableFuture<Translation> translation = load.project() == null ? null
        : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return Translator.translate(load.project(), load.sourceMap(), translate);
          } catch (RuntimeException e) {
            return null; // a partial project (after errors) may not translate; its errors are already reported
          }
        });

    Map<Rule, RuleContextImpl> contexts = new HashMap<>();
    for (Rule rule : RuleRegistry.all()) {
      if (rule instanceof DiagnosticRule || !enabled(rule, config)) continue;
      RuleContextImpl ctx = new RuleContextImpl(load, rule, config.setting(rule.id()).options(), raw, fallback);
      contexts.put(rule, ctx);
      try {
        rule.check(ctx);
      } catch (RuntimeException e) {
        // A rule must never take the whole lint down; what it could not check is said, not hidden.
        raw.add(new Finding(rule.id(), Severity.INFO, "rule could not finish on this file (" + e + ")",
            fallback, null, rule.info().remediation()));
      }
    }

    Translation t = translation == null ? null : translation.join();
    if (t != null) {
      Map<String, List<Finding>> own = new HashMap<>();
      for (Finding f : raw) own.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
      List<Finding> fromTranslation = new ArrayList<>();
      for (Diagnostic d : t.diagnostics()) {
        Finding f = fromDiagnostic(d, fallback);
        Rule r = RuleRegistry.byId(d.code()).orElse(null);
        if (r != null && !(r instanceof DiagnosticRule)) {
          RuleContextImpl rc = contexts.get(r); // null: the rule is off, and so are its findings
          if (rc == null || r.covers(f, rc, own.getOrDefault(r.id(), List.of()))) continue;
        }
        fromTranslation.add(f);
      }
      raw.addAll(oncePerLine(fromTranslation));
    }

    Suppressions suppressions = new Suppressions(load.fileTexts());
    Map<String, Finding> kept = new LinkedHashMap<>();
    java.util.Set<String> confidential = new java.util.HashSet<>(load.parsedFiles().keySet());
    confidential.removeAll(load.fileTexts().keySet()); // read, but outside the project: never shown
    for (Finding f : raw) {
      if (confidential.contains(f.file()) && !f.rule().equals("file-outside-project")) {
        f = new Finding(f.rule(), f.severity(), "a finding in this file, which is outside the project directory:"
            + " ferry does not show its contents (run ferry on that file itself to see it)", f.position(), f.service(),
            f.remediation());
      }
      Rule r = RuleRegistry.byId(f.rule()).orElse(null);
      if (r != null && !enabled(r, config)) continue;
      if (config.ignored(f.file())) continue;
      if (suppressions.suppresses(f)) continue;
      Severity s = config.setting(f.rule()).severity();
      if (s != null) f = f.withSeverity(s);
      kept.putIfAbsent(f.rule() + "\0" + f.position() + "\0" + f.message(), f);
    }
    Rule unused = RuleRegistry.byId("unused-suppression").orElseThrow();
    if (enabled(unused, config)) {
      for (Finding f : suppressions.unused(unused.info())) {
        if (config.ignored(f.file())) continue;
        Severity s = config.setting(f.rule()).severity();
        kept.putIfAbsent(f.rule() + "\0" + f.position() + "\0" + f.message(), s == null ? f : f.withSeverity(s));
      }
    }
    List<Finding> findings = new ArrayList<>(kept.values());
    findings.sort(ORDER);
    return new LintResult(List.copyOf(findings), load.fileTexts(), load.project() != null);
  }

  /**
   * Services sharing a YAML anchor or extends base share its lines: one finding per rule, severity
   * and line, naming the other services, as rule classes do through PerLine.
   */
  private static List<Finding> oncePerLine(List<Finding> findings) {
    Map<String, Finding> first = new LinkedHashMap<>();
    Map<String, List<String>> others = new HashMap<>();
    for (Finding f : findings) {
      String key = f.position().isKnown() ? f.rule() + "\0" + f.severity() + "\0" + f.position() : "#" + first.size();
      Finding seen = first.putIfAbsent(key, f);
      if (seen != null && f.service() != null && !f.service().equals(seen.service())) {
        List<String> o = others.computeIfAbsent(key, k -> new ArrayList<>());
        if (!o.contains(f.service())) o.add(f.service());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Finding> e : first.entrySet()) {
      Finding f = e.getValue();
      List<String> o = others.get(e.getKey());
      out.add(o == null ? f : new Finding(f.rule(), f.severity(), f.message() + "; the same line applies to "
          + PerLine.names(o), f.position(), f.service(), f.remediation()));
    }
    return out;
  }

  static boolean enabled(Rule r, LintConfig config) {
    Boolean e = config.setting(r.id()).enabled();
    return e != null ? e : r.info().enabledByDefault();
  }

  private static Finding fromDiagnostic(Diagnostic d, Position fallback) {
    Rule r = RuleRegistry.byId(d.code()).orElse(null);
    RuleInfo info = r == null ? null : r.info();
    String remediation = d.hint() != null ? d.hint() : info == null ? null : info.remediation();
    Position p = d.position().isKnown() ? d.position() : fallback;
    return new Finding(d.code(), d.severity(), d.message(), p, d.service(), remediation);
  }

  /** Where findings without a position go: the first line of the first file read. */
  private static Position fallback(LoadResult load, LoadOptions opts) {
    if (!load.parsedFiles().isEmpty()) return Position.of(load.parsedFiles().keySet().iterator().next(), 1, 1);
    if (!load.fileTexts().isEmpty()) return Position.of(load.fileTexts().keySet().iterator().next(), 1, 1);
    if (!opts.files().isEmpty()) return Position.of(opts.files().get(0).toString(), 1, 1);
    return Position.of(opts.workingDirectory().toString(), 1, 1);
  }

  private static LoadOptions withRecover(LoadOptions o) {
    // strict: lint reports required variables and env files as errors and goes on
    return o.toBuilder().strict(true).recover(true).build();
  }
}
