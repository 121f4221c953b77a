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

  /**
   * Lints with {@code translator} as the conversion whose findings lint shows. The rule classes
   * (and the configuration of their findings) run on a pool thread while the conversion runs on
   * the calling thread, whose parallel service loop the pool thread joins when the rules are done:
   * neither core waits for the other. Findings keep their order (loader's, rules', conversion's).
   */
  static LintResult lint(LoadOptions options, LintConfig config, Function<LoadResult, Translation> translator) {
    LoadOptions opts = withRecover(options);
    LoadResult load = ComposeLoader.load(opts);
    Position fallback = fallback(load, opts);
    Shown shown = new Shown(load, config);
    CompletableFuture<List<Finding>> beforeConversion = CompletableFuture.supplyAsync(() -> {
      List<Finding> raw = new ArrayList<>();
      for (Diagnostic d : load.diagnostics()) raw.add(fromDiagnostic(d, fallback));
      runRules(load, config, fallback, raw);
      shown.addAll(raw);
      return shown.sorted();
    });
    List<Finding> conversion;
    try {
      conversion = translationFindings(load, translator, fallback);
    } catch (Error e) {
      beforeConversion.join(); // the rules end before the error goes on, as when they ran first
      throw e;
    }
    List<Finding> first = OnEveryCore.join(beforeConversion);
    shown.addAll(conversion);
    shown.addAll(unusedSuppressions(shown.suppressions, config));
    return new LintResult(merged(first, shown.sorted()), load.fileTexts(), load.project() != null);
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
   * service at one line both stay. None without a project; a conversion that throws is one finding.
   */
  private static List<Finding> translationFindings(LoadResult load, Function<LoadResult, Translation> translator,
      Position fallback) {
    if (load.project() == null) return List.of();
    Translation t;
    try {
      t = translator.apply(load);
    } catch (RuntimeException e) {
      return List.of(couldNotFinish(CONVERSION_ID, "conversion", e, fallback));
    }
    SharedLines merged = new SharedLines();
    for (Diagnostic d : t.diagnostics()) {
      Finding f = fromDiagnostic(d, fallback);
      merged.addEachMessage(f, FindingKey.of(f.rule(), f.severity(), f.position(), null));
    }
    return merged.findings();
  }

  /**
   * What the user sees, built in two parts: configuration and suppression comments applied,
   * duplicates dropped (the first of an identity kept), each part in order. The findings added
   * after {@link #sorted} are sorted apart and {@link #merged} after it: the same list as sorting
   * them all at once, since a stable sort keeps the earlier part first among equals.
   */
  private static final class Shown {
    final Suppressions suppressions;
    private final Set<String> confidential;
    private final LintConfig config;
    private final Map<Finding.Identity, Finding> kept = new LinkedHashMap<>();
    private final Set<Finding.Identity> before = new HashSet<>();

    Shown(LoadResult load, LintConfig config) {
      this.suppressions = new Suppressions(load.fileTexts());
      this.confidential = new HashSet<>(load.parsedFiles().keySet());
      confidential.removeAll(load.fileTexts().keySet()); // read, but outside the project: never shown
      this.config = config;
    }

    void addAll(List<Finding> raw) {
      for (Finding f : raw) {
        Finding c = configured(masked(f, confidential), config, suppressions);
        if (c != null && !before.contains(c.identity())) kept.putIfAbsent(c.identity(), c);
      }
    }

    /** The findings added since the last call, sorted; those are then kept from being added again. */
    List<Finding> sorted() {
      List<Finding> out = new ArrayList<>(kept.values());
      before.addAll(kept.keySet());
      kept.clear();
      out.sort(ORDER);
      return out;
    }
  }

  /** Two sorted lists as one, {@code a}'s first among equals. */
  private static List<Finding> merged(List<Finding> a, List<Finding> b) {
    Finding[] out = new Finding[a.size() + b.size()];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() && j < b.size()) out[k++] = ORDER.compare(b.get(j), a.get(i)) < 0 ? b.get(j++) : a.get(i++);
    while (i < a.size()) out[k++] = a.get(i++);
    while (j < b.size()) out[k++] = b.get(j++);
    return List.of(out);
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
