package dev.ferry.rules.api;

import java.util.Arrays;
import java.util.List;

/** The type of a rule option: what .ferry.yaml may give it, and how its declared default is read. */
public enum OptionType {
  BOOLEAN("boolean"),
  STRING("string"),
  /** A Java regular expression, checked when .ferry.yaml is read. */
  REGEX("regular expression"),
  /** A YAML list of scalars; a declared default separates its items with commas. */
  STRING_LIST("list of strings");

  private final String label;

  OptionType(String label) {
    this.label = label;
  }

  /** How docs and error messages name the type. */
  public String label() {
    return label;
  }

  /** The value of a declared default ({@link RuleOption#defaultValue()}). */
  public Object parseDefault(String text) {
    return switch (this) {
      case BOOLEAN -> Boolean.parseBoolean(text);
      case STRING, REGEX -> text;
      case STRING_LIST -> text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    };
  }
}
