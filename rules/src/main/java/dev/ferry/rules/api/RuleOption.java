package dev.ferry.rules.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One option of a rule, declared in {@link RuleInfo#options()}: .ferry.yaml is checked against it
 * when read (an unknown option or a value of another type is an error there), the rule reads the
 * value through {@link RuleOptions}, and the rule page documents it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RuleOption {
  /** The key in .ferry.yaml ({@code rules: {<id>: {<name>: value}}}). */
  String name();

  OptionType type();

  /** The value when .ferry.yaml sets none, as text (a list: items separated by commas; "" is an empty list). */
  String defaultValue();

  /** One line: what the option changes. */
  String description();

  /** For a {@link OptionType#STRING}: the values allowed (empty: any string). */
  String[] values() default {};
}
