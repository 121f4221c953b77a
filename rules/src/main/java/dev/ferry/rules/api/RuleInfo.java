package dev.ferry.rules.api;

import dev.ferry.core.diag.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on its class (error-prone's {@code @BugPattern}): the docs, {@code ferry rules}
 * and SARIF rule descriptors are generated from it. The long explanation lives in
 * {@code docs/rules/<id>.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Kebab-case id, e.g. {@code depends-on-without-healthcheck}. */
  String id();

  /** One line: what the rule finds. */
  String summary();

  /** One or two lines: how to fix it. */
  String remediation();

  Severity severity();

  Category category();

  /** Whether {@code ferry lint --fix} can fix it. */
  boolean fixable() default false;

  /** Whether it runs without being enabled in .ferry.yaml. */
  boolean enabledByDefault() default true;

  /** The options .ferry.yaml may set for it (checked when the file is read, documented on its page). */
  RuleOption[] options() default {};

  /**
   * Whether the engine merges this rule's findings at one written line into one: services that
   * share a YAML anchor or an {@code extends} base share the lines they inherit, and one line gives
   * one finding (the first service's message, naming the others). Findings at an explicit position
   * (rules over the files as written) are never merged.
   */
  boolean mergeSharedLines() default true;
}
