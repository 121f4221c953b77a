package dev.ferry.core.load.stage;

import static dev.ferry.core.load.stage.PlainReads.str;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Protocol;
import dev.ferry.core.model.Restart;
import dev.ferry.core.model.units.ByteSizes;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.ScalarNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading typed values out of the canonical tree for binding: integers, numbers, byte sizes,
 * durations, port protocols and restart policies. A value that does not parse is a diagnostic at
 * its position and reads as null; nothing throws.
 */
final class TypedReads {
  private final Diagnostics diags;

  TypedReads(Diagnostics diags) {
    this.diags = diags;
  }

  /** Most parsed texts kept per kind: a large project repeats a few values ("10s", "128M") thousands of times. */
  private static final int CACHED = 1024;
  private final Map<String, Duration> durations = new HashMap<>();
  private final Map<String, Long> sizes = new HashMap<>();

  /** {@code parse(text)}, remembered for texts seen before; a text that does not parse throws every time. */
  private static <T> T parsed(Map<String, T> cache, String text, Function<String, T> parse) {
    T v = cache.get(text);
    if (v == null) {
      v = parse.apply(text);
      if (v != null && cache.size() < CACHED) cache.put(text, v);
    }
    return v;
  }

  Integer integer(MapNode m, String key) {
    if (m.get(key) instanceof ScalarNode s && s.kind() == ScalarNode.Kind.INT) {
      try {
        return Math.toIntExact(Long.parseLong(s.text()));
      } catch (RuntimeException e) {
        diags.error("schema", s.position(), key + ": integer out of range: " + s.text());
      }
    }
    return null;
  }

  Double number(MapNode m, String key) {
    if (m.get(key) instanceof ScalarNode s && (s.kind() == ScalarNode.Kind.INT || s.kind() == ScalarNode.Kind.FLOAT)) {
      return Double.parseDouble(s.text());
    }
    if (m.get(key) instanceof ScalarNode s && s.isString()) {
      try {
        return Double.parseDouble(s.text());
      } catch (NumberFormatException e) {
        diags.error("schema", s.position(), key + ": not a number: \"" + s.text() + "\"");
      }
    }
    return null;
  }

  Long bytes(MapNode m, String key) {
    if (!(m.get(key) instanceof ScalarNode s) || s.isNull()) return null;
    try {
      return parsed(sizes, s.asString(), ByteSizes::parse);
    } catch (IllegalArgumentException e) {
      diags.error("schema", s.position(), key + ": " + e.getMessage());
      return null;
    }
  }

  Duration duration(MapNode m, String key, ModelPath path) {
    if (!(m.get(key) instanceof ScalarNode s) || s.isNull()) return null;
    try {
      return parsed(durations, s.asString(), Durations::parse);
    } catch (IllegalArgumentException e) {
      diags.error("healthcheck".equals(path.last()) ? "healthcheck-invalid" : "schema", s.position(), path.key(key) + ": " + e.getMessage());
      return null;
    }
  }

  /** A port's {@code protocol}, checked as Docker does (tcp, udp or sctp in any case); null when not given. */
  Protocol protocol(MapNode m) {
    String text = str(m, "protocol");
    if (text == null) return null;
    Protocol p = Protocol.parse(text);
    if (p == null) {
      diags.error("schema", m.get("protocol").position(), "unknown port protocol \"" + text + "\" (tcp, udp, sctp)");
    }
    return p;
  }

  /** {@code restart}, checked as Docker does; blank (an unset variable) means not set, as in Docker. */
  Restart restart(MapNode s, ModelPath path) {
    String text = str(s, "restart");
    if (text == null || text.isEmpty()) return null;
    Restart r = Restart.parse(text);
    if (r == null) {
      diags.error("schema", s.get("restart").position(), path.key("restart") + ": \"" + text
          + "\" is not a restart policy (no, always, on-failure[:N], unless-stopped)");
    }
    return r;
  }
}
