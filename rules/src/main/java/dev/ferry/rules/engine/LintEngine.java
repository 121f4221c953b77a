package dev.ferry.rules.engine;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.Position;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import dev.ferry.rules.api.DiagnosticRule;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Lints one compose project: loads it (going on past errors, so the model rules still run on what
 * could be read), maps the loader's and the converter's diagnostics onto their rules (the code
 * that knows reports; lint shows), runs the rule classes, then applies .ferry.yaml and inline
 * suppressions. An id has one reporter: a rule whose finding the translation decides is metadata
 * only ({@link DiagnosticRule}), so lint shows exactly what {@code convert --findings} reports.
 * Findings at one written line are merged per rule ({@link SharedLines}).
 */
public final class LintEngine {
  /** File, line, column, rule, message: written out, as a chain of key extractors cost 10 % of a lint at 10,000 services. */
  private static final Comparator<Finding> ORDER = (a, b) -> {
    int c = a.file() == b.file() ? 0 : a.file().compareTo(b.file()); // one string per file, mostly
    if (c == 0) c = Integer.compare(a.line(), b.line());
    if (c == 0) c = Integer.compare(a.column(), b.column());
    if (c == 0) c = a.rule().compareTo(b.rule());
    return c != 0 ? c : a.message().compareTo(b.message());
  };

  /** The id a crash of the conversion is reported under: the file cannot be converted. */
  static final String CONVERSION_ID = "not-translatable";

  private LintEngine() {}

  public static LintResult lint(LoadOptions options, LintConfig config) {
    return lint(options, config, TranslateOptions.defaults());
  }

  /** Lints with the conversion choices {@code convert} would use (its findings are the translation's). */
  public static LintResult lint(LoadOptions options, LintConfig config, TranslateOptions translate) {
    return lint(options, config, load -> Translator.translate(load.project(), load.sourceMap(), translate));
  }

  /** Lints with {@code translator} as the conversion whose findings lint shows. */
  static LintResult lint(LoadOptions options, LintConfig config, Function<LoadResult, Translation> translator) {
    LoadOptions opts = withRecover(options);
    LoadResult load = ComposeLoader.load(opts);
    Position fallback = fallback(load, opts);
    CompletableFuture<Translation> translation = translateOnSecondCore(load, translator);
    List<Finding> raw = new ArrayList<>();
    for (Diagnostic d : load.diagnostics()) raw.add(fromDiagnostic(d, fallback));
    runRules(load, config, fallback, raw);
    raw.addAll(translationFindings(translation, fallback));
    return new LintResult(shown(raw, load, config), load.fileTexts(), load.project() != null);
  }

  /** The translation (for its findings) runs on a second core while the rule classes run; null without a project. */
  private static CompletableFuture<Translation> translateOnSecondCore(LoadResult load,
      Function<LoadResult, Translation> translator) {
    return load.project() == null ? null : CompletableFuture.supplyAsync(() -> translator.apply(load));
  }

  /**
   * Runs every enabled rule class, adding its findings to {@code raw} in rule order. A rule whose
   * finding the translation decides is metadata only ({@link DiagnosticRule}) and does not run. The
   * rules are independent (each reads the loaded project and reports into its own context), so
   * they run on every core ({@link OnEveryCore}); their findings join in rule order as before.
   */
  private static void runRules(LoadResult load, LintConfig config, Position fallback, List<Finding> raw) {
    List<Rule> enabled = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      if (!(rule instanceof DiagnosticRule) && enabled(rule, config)) enabled.add(rule);
    }
    for (List<Finding> found : OnEveryCore.map(enabled, rule -> check(rule, load, config, fallback))) raw.addAll(found);
  }

  /** One rule's findings; a rule that throws keeps what it reported and says it could not finish. */
  private static List<Finding> check(Rule rule, LoadResult load, LintConfig config, Position fallback) {
    RuleContextImpl ctx = new RuleContextImpl(load, rule, config.options(rule), fallback);
    try {
      rule.check(ctx);
      return ctx.findings();
    } catch (RuntimeException e) {
      List<Finding> out = new ArrayList<>(ctx.findings());
      out.add(couldNotFinish(rule.id(), "rule", e, fallback));
      return out;
    }
  }

  /**
   * A check that threw (a rule class, or the conversion under {@link #CONVERSION_ID}): it must never
   * take the whole lint down, and what it could not check is said, not hidden.
   */
  private static Finding couldNotFinish(String id, String what, RuntimeException e, Position at) {
    String remediation = RuleRegistry.byId(id).map(r -> r.info().remediation()).orElse(null);
    return new Finding(id, Severity.INFO, what + " could not finish on this file (" + e + ")", at, null, remediation);
  }

  /**
   * The translation's findings (it is their one reporter), merged per written line as convert
   * merges them: services sharing a line are named in one finding; two different findings of one
   * service at one line both stay.
   */
  private static List<Finding> translationFindings(CompletableFuture<Translation> pending, Position fallback) {
    if (pending == null) return List.of();
    Translation t;
    try {
      t = pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) return List.of(couldNotFinish(CONVERSION_ID, "conversion", cause, fallback));
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
    SharedLines merged = new SharedLines();
    for (Diagnostic d : t.diagnostics()) {
      Finding f = fromDiagnostic(d, fallback);
      merged.addEachMessage(f, FindingKey.of(f.rule(), f.severity(), f.position(), null));
    }
    return merged.findings();
  }

  /** What the user sees: configuration and suppression comments applied, duplicates dropped, in order. */
  private static List<Finding> shown(List<Finding> raw, LoadResult load, LintConfig config) {
    Suppressions suppressions = new Suppressions(load.fileTexts());
    Set<String> confidential = new HashSet<>(load.parsedFiles().keySet());
    confidential.removeAll(load.fileTexts().keySet()); // read, but outside the project: never shown
    Map<Finding.Identity, Finding> kept = new LinkedHashMap<>();
    for (Finding f : raw) {
      Finding c = configured(masked(f, confidential), config, suppressions);
      if (c != null) kept.putIfAbsent(c.identity(), c);
    }
    for (Finding f : unusedSuppressions(suppressions, config)) kept.putIfAbsent(f.identity(), f);
    List<Finding> findings = new ArrayList<>(kept.values());
    findings.sort(ORDER);
    return List.copyOf(findings);
  }

  /** A finding in a file outside the project directory, without the file's contents. */
  private static Finding masked(Finding f, Set<String> confidential) {
    if (!confidential.contains(f.file()) || f.rule().equals("file-outside-project")) return f;
    return new Finding(f.rule(), f.severity(), "a finding in this file, which is outside the project directory:"
        + " ferry does not show its contents (run ferry on that file itself to see it)", f.position(), f.service(),
        f.remediation());
  }

  /** The finding with its configured severity, or null when .ferry.yaml or a suppression comment hides it. */
  private static Finding configured(Finding f, LintConfig config, Suppressions suppressions) {
    Rule r = RuleRegistry.byId(f.rule()).orElse(null);
    if (r != null && !enabled(r, config)) return null;
    if (config.ignored(f.file()) || suppressions.suppresses(f)) return null;
    return withConfiguredSeverity(f, config);
  }

  private static Finding withConfiguredSeverity(Finding f, LintConfig config) {
    Severity s = config.setting(f.rule()).severity();
    return s == null ? f : f.withSeverity(s);
  }

  /** Suppression comments that suppressed nothing (ask only after every finding went through them). */
  private static List<Finding> unusedSuppressions(Suppressions suppressions, LintConfig config) {
    Rule unused = RuleRegistry.byId("unused-suppression").orElseThrow();
    if (!enabled(unused, config)) return List.of();
    List<Finding> out = new ArrayList<>();
    for (Finding f : suppressions.unused(unused.info())) {
      if (!config.ignored(f.file())) out.add(withConfiguredSeverity(f, config));
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
