package dev.ferry.rules.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's options as it reads them: the values .ferry.yaml set (already checked against the
 * rule's {@link RuleOption} declarations when the file was read), else the declared defaults.
 * Asking for an option the rule does not declare, or as another type, is a bug in the rule.
 */
public final class RuleOptions {
  private final Map<String, RuleOption> declared = new LinkedHashMap<>();
  private final Map<String, Object> set;

  /** {@code set}: option name to a value of its declared type (Boolean, String, or List of String). */
  public RuleOptions(RuleInfo info, Map<String, Object> set) {
    for (RuleOption o : info.options()) declared.put(o.name(), o);
    this.set = Map.copyOf(set);
  }

  public boolean flag(String name) {
    return (Boolean) value(name, OptionType.BOOLEAN);
  }

  /** A {@link OptionType#STRING} or {@link OptionType#REGEX} option. */
  public String text(String name) {
    RuleOption o = declared(name);
    return (String) value(name, o.type() == OptionType.REGEX ? OptionType.REGEX : OptionType.STRING);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    return (List<String>) value(name, OptionType.STRING_LIST);
  }

  private Object value(String name, OptionType type) {
    RuleOption o = declared(name);
    if (o.type() != type) throw new IllegalArgumentException("option " + name + " is a " + o.type().label() + ", not a " + type.label());
    Object v = set.get(name);
    return v != null ? v : type.parseDefault(o.defaultValue());
  }

  private RuleOption declared(String name) {
    RuleOption o = declared.get(name);
    if (o == null) throw new IllegalArgumentException("undeclared option " + name + "; declared: " + declared.keySet());
    return o;
  }
}
