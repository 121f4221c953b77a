package dev.ferry.core.translate;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.translate.network.Naming;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shared state of one translation: the project and its source map, options, naming, the objects
 * emitted so far, provenance and diagnostics. Mappers read it and add to it; they never mutate
 * the model.
 */
public final class TranslationContext {
  private final Project project;
  private final SourceMap sourceMap;
  private final TranslateOptions options;
  private final Naming naming;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Provenance provenance = new Provenance();
  private final List<HasMetadata> objects = new ArrayList<>();

  public TranslationContext(Project project, SourceMap sourceMap, TranslateOptions options) {
    this.project = project;
    this.sourceMap = sourceMap;
    this.options = options;
    this.naming = Naming.of(project);
  }

  public Project project() {
    return project;
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }

  public TranslateOptions options() {
    return options;
  }

  public Naming naming() {
    return naming;
  }

  public Provenance provenance() {
    return provenance;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Adds an emitted object. */
  public void emit(HasMetadata obj) {
    objects.add(obj);
  }

  public List<HasMetadata> objects() {
    return Collections.unmodifiableList(objects);
  }

  /** Reports a translation finding at a model path; {@code code} is the lint rule id that shows it. */
  public void report(String code, Severity severity, ModelPath at, String service, String message) {
    diagnostics.add(new Diagnostic(code, severity, sourceMap.position(at), message, null, service));
  }

  public void report(String code, Severity severity, ModelPath at, String service, String message, String hint) {
    diagnostics.add(new Diagnostic(code, severity, sourceMap.position(at), message, hint, service));
  }
}
