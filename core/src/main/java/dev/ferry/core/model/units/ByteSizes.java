package dev.ferry.core.model.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as compose reads them (docker/go-units RAMInBytes): a number with an optional unit
 * b, k, m, g, t, p (optionally followed by b: {@code 512M}, {@code 512mb}, {@code 1gb},
 * {@code 1.5g}); units are binary (1k = 1024). A plain integer is bytes.
 */
public final class ByteSizes {
  private static final Pattern P = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtp]?)(i?b)?");

  private ByteSizes() {}

  public static long parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = P.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size '" + text + "': expected a number with an optional unit (b, k, m, g, t)");
    }
    int power = "kmgtp".indexOf(m.group(2).isEmpty() ? "x" : m.group(2)) + 1;
    BigDecimal v = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
    try {
      return v.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("invalid size '" + text + "': out of range");
    }
  }

  public static long parse(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("invalid size " + bytes + ": negative");
    return bytes;
  }

  /** Shortest exact form: {@code 512m}, {@code 1g}, {@code 1000} (for round trips). */
  public static String format(long bytes) {
    return largestExactUnit(bytes, new String[] {"", "k", "m", "g", "t", "p"});
  }

  /** {@code bytes} in the largest binary unit that divides it exactly, with that unit's suffix. */
  static String largestExactUnit(long bytes, String[] suffixes) {
    int i = 0;
    long v = bytes;
    while (i < suffixes.length - 1 && v != 0 && v % 1024 == 0) {
      v /= 1024;
      i++;
    }
    return v + suffixes[i];
  }
}
