package dev.ferry.rules.engine;

import dev.ferry.rules.api.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges findings at one written line into one. Services that share a YAML anchor or an
 * {@code extends} base share the positions of the keys they inherit, so one written line would
 * otherwise give one finding per service (57 for one {@code restart:} line in a real file). The
 * first finding's message is kept and names the other services after it; a second finding of the
 * same service at that line adds nothing. Findings keep the order of their first report.
 */
public final class SharedLines {
  private final List<Merged> order = new ArrayList<>();
  private final Map<FindingKey, Merged> byKey = new HashMap<>();

  private static final class Merged {
    final Finding first;
    final List<String> others = new ArrayList<>();
    final Set<String> named = new HashSet<>(); // others, for a lookup that stays O(1) at 10,000 services

    Merged(Finding first) {
      this.first = first;
    }

    void add(String service) {
      if (service != null && !service.equals(first.service()) && named.add(service)) others.add(service);
    }

    Finding finding() {
      if (others.isEmpty()) return first;
      return new Finding(first.rule(), first.severity(), first.message() + "; the same line applies to " + names(others),
          first.position(), first.service(), first.remediation());
    }
  }

  /** Adds a finding; {@code key} null: it is merged with nothing. */
  void add(Finding f, FindingKey key) {
    Merged m = key == null ? null : byKey.get(key);
    if (m != null) {
      m.add(f.service());
      return;
    }
    m = new Merged(f);
    order.add(m);
    if (key != null) byKey.put(key, m);
  }

  /**
   * Adds a finding of the translation: as {@link #add}, except that a second, different message of
   * the same service (or of no service) at that line is kept as a finding of its own, as convert
   * reports it.
   */
  void addEachMessage(Finding f, FindingKey key) {
    Merged m = key == null ? null : byKey.get(key);
    boolean sameService = m != null && (f.service() == null || f.service().equals(m.first.service()));
    add(f, sameService && !f.message().equals(m.first.message()) ? key.withMessage(f.message()) : key);
  }

  /** The merged findings, in the order of their first report. */
  List<Finding> findings() {
    List<Finding> out = new ArrayList<>(order.size());
    for (Merged m : order) out.add(m.finding());
    return out;
  }

  /** {@code service "a"}, {@code services "a", "b" and "c"}, {@code services "a", "b", "c" and 2 more}. */
  public static String names(List<String> services) {
    int shown = Math.min(services.size(), 3);
    StringBuilder b = new StringBuilder(services.size() == 1 ? "service " : "services ");
    for (int i = 0; i < shown; i++) {
      if (i > 0) b.append(i == services.size() - 1 ? " and " : ", ");
      b.append('"').append(services.get(i)).append('"');
    }
    if (services.size() > shown) b.append(" and ").append(services.size() - shown).append(" more");
    return b.toString();
  }
}
