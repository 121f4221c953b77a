package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.DiagnosticRule;
import dev.ferry.rules.api.RuleInfo;

/** A {@code # ferry-disable-...} comment that suppresses nothing. Reported by the engine. */
@RuleInfo(
    id = "unused-suppression",
    summary = "A ferry-disable comment suppresses no finding.",
    remediation = "Remove the comment (or the id from it): the problem it silenced is gone.",
    severity = Severity.INFO,
    category = Category.HYGIENE)
public final class UnusedSuppression extends DiagnosticRule {}
