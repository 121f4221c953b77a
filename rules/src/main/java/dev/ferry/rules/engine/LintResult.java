package dev.ferry.rules.engine;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Finding;
import java.util.List;
import java.util.Map;

/**
 * What linting one project gave: findings in file/line/column/rule order, the files that were read
 * (display name → text, for code frames and --fix), and whether the project could be bound.
 */
public record LintResult(List<Finding> findings, Map<String, String> fileTexts, boolean modelLoaded) {
  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
