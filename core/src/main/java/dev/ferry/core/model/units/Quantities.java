package dev.ferry.core.model.units;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Kubernetes resource quantities from compose values: exact, deterministic, never scientific. */
public final class Quantities {
  private Quantities() {}

  /** Cores to a CPU quantity: 0.5 → 500m, 1 → 1, 1.5 → 1500m, 0.25 → 250m (millicore precision, at least 1m). */
  public static String cpu(double cpus) {
    BigDecimal milli = BigDecimal.valueOf(cpus).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP);
    long m = Math.max(1, milli.longValue());
    return m % 1000 == 0 ? Long.toString(m / 1000) : m + "m";
  }

  /** Bytes to a memory quantity with the largest exact binary suffix: 536870912 → 512Mi, 1000 → 1000. */
  public static String memory(long bytes) {
    return ByteSizes.largestExactUnit(bytes, new String[] {"", "Ki", "Mi", "Gi", "Ti", "Pi"});
  }
}
