package dev.ferry.rules.api;

/**
 * One lint rule: one class, metadata in {@link RuleInfo}, findings reported through the context.
 * Rules read the loaded model (and, for style rules, the parsed files as written); they never
 * re-parse text.
 */
public interface Rule {
  void check(RuleContext ctx);

  default RuleInfo info() {
    RuleInfo i = getClass().getAnnotation(RuleInfo.class);
    if (i == null) throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
    return i;
  }

  default String id() {
    return info().id();
  }
}
