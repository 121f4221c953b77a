package dev.ferry.rules.report;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Finding;
import java.util.List;
import java.util.Map;

/**
 * What a lint run found, over one or more projects: findings in order, the texts of the files read
 * (for code frames) and how many files were linted.
 */
public record Report(List<Finding> findings, Map<String, String> texts, int files) {
  /** How many findings have severity {@code s}. */
  public long count(Severity s) {
    return counts()[s.ordinal()];
  }

  /**
   * How many findings have each severity, by {@link Severity#ordinal()}: one plain loop over the
   * findings for every count a summary needs (no stream pipeline to link at the end of a run).
   */
  public long[] counts() {
    long[] n = new long[Severity.values().length];
    for (Finding f : findings) n[f.severity().ordinal()]++;
    return n;
  }

  /** Help page of a rule (rendered on GitHub). */
  public static String helpUri(String id) {
    return "https://github.com/ferry-dev/ferry/blob/main/docs/rules/" + id + ".md";
  }
}
