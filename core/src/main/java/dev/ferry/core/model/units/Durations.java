package dev.ferry.core.model.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go duration syntax as compose uses it ({@code 1m30s}, {@code 10s}, {@code 1.5s}, {@code 500ms},
 * {@code 2us}/{@code 2µs}, {@code 10ns}, {@code 1h}). A bare number other than 0 has no unit and is
 * rejected, as Go's time.ParseDuration does.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]+|[0-9]+\\.)(ns|us|µs|μs|ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) throw new IllegalArgumentException("invalid duration '': empty");
    boolean neg = s.startsWith("-");
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    if (body.equals("0")) return Duration.ZERO;
    if (body.matches("[0-9]*\\.?[0-9]+")) {
      throw new IllegalArgumentException("invalid duration '" + text + "': missing unit in duration (e.g. 10s, 1m30s)");
    }
    Matcher m = PART.matcher(body);
    int pos = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (pos < body.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("invalid duration '" + text + "': expected a number with a unit (ns, us, ms, s, m, h)");
      }
      BigDecimal n = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit(m.group(2)))));
      pos = m.end();
    }
    long v;
    try {
      v = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("invalid duration '" + text + "': out of range");
    }
    return Duration.ofNanos(neg ? -v : v);
  }

  private static long unit(String u) {
    return switch (u) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }

  /** Go's format: {@code 1h2m3s}, {@code 1m30s}, {@code 500ms}, {@code 1.5s}, {@code 0s}. */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n == 0) return "0s";
    StringBuilder b = new StringBuilder();
    if (n < 0) {
      b.append('-');
      n = -n;
    }
    if (n < 1_000_000_000L) {
      if (n % 1_000_000 == 0) return b.append(n / 1_000_000).append("ms").toString();
      if (n % 1_000 == 0) return b.append(n / 1_000).append("us").toString();
      return b.append(n).append("ns").toString();
    }
    long h = n / 3_600_000_000_000L;
    n %= 3_600_000_000_000L;
    long m = n / 60_000_000_000L;
    n %= 60_000_000_000L;
    if (h > 0) b.append(h).append('h');
    if (h > 0 || m > 0) b.append(m).append('m');
    BigDecimal secs = BigDecimal.valueOf(n).movePointLeft(9).stripTrailingZeros();
    b.append(secs.scale() < 0 ? secs.setScale(0).toPlainString() : secs.toPlainString()).append('s');
    return b.toString();
  }

  /** Whole seconds, rounded up (what Kubernetes probe fields take); at least {@code min}. */
  public static int seconds(Duration d, int min) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return (int) Math.max(min, Math.min(Integer.MAX_VALUE, s));
  }
}
