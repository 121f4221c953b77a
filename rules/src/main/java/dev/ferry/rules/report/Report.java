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
  /** How many findings have severity {@code s} (a plain loop: no stream pipeline to link at the end of a run). */
  public long count(Severity s) {
    long n = 0;
    for (Finding f : findings) if (f.severity() == s) n++;
    return n;
  }

  /** Help page of a rule (rendered on GitHub). */
  public static String helpUri(String id) {
    return "https://github.com/ferry-dev/ferry/blob/main/docs/rules/" + id + ".md";
  }
}
