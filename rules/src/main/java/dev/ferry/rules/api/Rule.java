package dev.ferry.rules.api;

/**
 * One lint rule: one class, metadata in {@link RuleInfo}, findings reported through the context.
 * Rules read the loaded model (and, for style rules, the parsed files as written); they never
 * re-parse text.
 */
public interface Rule {
  void check(RuleContext ctx);

  /**
   * Whether this rule's own findings ({@code own}, from {@link #check}) already say what the
   * conversion reported under this rule's id ({@code fromTranslation}), so lint shows it once.
   * By default the rule class is the one source for its id; a rule whose id the mappers also use
   * for cases it cannot see says which ones it covers.
   */
  default boolean covers(Finding fromTranslation, RuleContext ctx, java.util.List<Finding> own) {
    return true;
  }

  default RuleInfo info() {
    RuleInfo i = getClass().getAnnotation(RuleInfo.class);
    if (i == null) throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
    return i;
  }

  default String id() {
    return info().id();
  }
}
