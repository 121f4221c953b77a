package dev.ferry.rules.migration;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.rules.api.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports a finding once per source position. Services that share a YAML anchor or an
 * {@code extends} base share the positions of the keys they inherit, so one written line would
 * otherwise give one finding per service (57 for one {@code restart:} line in a real file). The
 * first service's message is kept and the others are named after it. Call {@link #flush()} at the
 * end of the check.
 */
public final class PerLine {
  private final RuleContext ctx;
  private final Map<Object, Pending> pending = new LinkedHashMap<>();

  private static final class Pending {
    final ModelPath path;
    final String service;
    final String message;
    final List<String> others = new ArrayList<>();
    final Set<String> named = new HashSet<>(); // others, for a lookup that stays O(1) at 10,000 services

    Pending(ModelPath path, String service, String message) {
      this.path = path;
      this.service = service;
      this.message = message;
    }
  }

  public PerLine(RuleContext ctx) {
    this.ctx = ctx;
  }

  public void report(ModelPath path, String service, String message) {
    Position pos = ctx.position(path);
    Object key = pos.isKnown() ? pos : path; // unknown positions are never merged
    Pending p = pending.get(key);
    if (p == null) {
      pending.put(key, new Pending(path, service, message));
    } else if (!p.service.equals(service) && p.named.add(service)) {
      p.others.add(service);
    }
  }

  public void flush() {
    for (Pending p : pending.values()) {
      String msg = p.message;
      if (!p.others.isEmpty()) msg += "; the same line applies to " + names(p.others);
      ctx.report(p.path, p.service, msg);
    }
    pending.clear();
  }

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
