package dev.ferry.rules.engine;

import dev.ferry.core.source.Position;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions in compose files: {@code # ferry-disable-next-line id[, id]},
 * {@code # ferry-disable-line id} (at the end of the flagged line) and
 * {@code # ferry-disable-file id}. A suppression that suppresses nothing is reported itself
 * ({@code unused-suppression}), so stale ones do not pile up.
 */
public final class Suppressions {
  private static final Pattern P = Pattern.compile("#\\s*ferry-disable-(next-line|line|file)\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

  /** One suppression comment: where it is written, which line it covers (0 = file), which ids. */
  record Entry(String file, int line, int column, int covers, List<String> ids, Set<String> used) {}

  /** Text every comment {@link #P} matches holds. */
  private static final String MARKER = "ferry-disable-";

  private final List<Entry> entries = new ArrayList<>();

  public Suppressions(Map<String, String> fileTexts) {
    for (Map.Entry<String, String> f : fileTexts.entrySet()) read(f.getKey(), f.getValue());
  }

  /**
   * The comments of one file. Only lines holding the marker can match, so the text is searched
   * for it and just those lines are matched (matching every line was most of this at 10,000 services).
   */
  private void read(String file, String text) {
    int lineNo = 1;
    int counted = 0; // line breaks before this offset are in lineNo
    for (int hit = text.indexOf(MARKER); hit >= 0; ) {
      for (int nl = text.indexOf('\n', counted); nl >= 0 && nl < hit; nl = text.indexOf('\n', nl + 1)) {
        lineNo++;
        counted = nl + 1;
      }
      int end = text.indexOf('\n', hit);
      if (end < 0) end = text.length();
      add(file, lineNo, text.substring(counted, end));
      hit = text.indexOf(MARKER, end);
    }
  }

  private void add(String file, int lineNo, String line) {
    Matcher m = P.matcher(line);
    if (!m.find()) return;
    int covers = switch (m.group(1)) {
      case "next-line" -> lineNo + 1;
      case "line" -> lineNo;
      default -> 0;
    };
    List<String> ids = new ArrayList<>();
    for (String id : m.group(2).split(",")) ids.add(id.trim());
    entries.add(new Entry(file, lineNo, m.start() + 1, covers, ids, new LinkedHashSet<>()));
  }

  /** Whether {@code f} is suppressed (and records the use). */
  public boolean suppresses(Finding f) {
    boolean hit = false;
    for (Entry e : entries) {
      if (!e.file().equals(f.file()) || !e.ids().contains(f.rule())) continue;
      if (e.covers() == 0 || e.covers() == f.line()) {
        e.used().add(f.rule());
        hit = true;
      }
    }
    return hit;
  }

  /** Suppressions (and ids within them) that matched nothing. */
  public List<Finding> unused(RuleInfo info) {
    List<Finding> out = new ArrayList<>();
    for (Entry e : entries) {
      for (String id : e.ids()) {
        if (e.used().contains(id)) continue;
        out.add(new Finding(info.id(), info.severity(), "suppression of '" + id + "' matches no finding; remove it",
            Position.of(e.file(), e.line(), e.column()), null, info.remediation()));
      }
    }
    return out;
  }
}
