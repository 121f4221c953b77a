package dev.ferry.core.model.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations, byte sizes and Kubernetes quantities, with round-trip properties. */
class UnitsTest {
  @ParameterizedTest
  @CsvSource({"1m30s,90000", "10s,10000", "500ms,500", "1h,3600000", "1.5s,1500", "0,0", "2h45m,9900000"})
  void durations(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "10x", "", "s", "1m30"})
  void invalidDurations(String text) {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"512M,536870912", "512mb,536870912", "1gb,1073741824", "1.5g,1610612736", "1000,1000", "2k,2048", "1KiB,1024"})
  void byteSizes(String text, long bytes) {
    assertEquals(bytes, ByteSizes.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"0.5,500m", "1,1", "1.5,1500m", "0.25,250m", "0.0001,1m", "2.0,2"})
  void cpuQuantities(double cores, String q) {
    assertEquals(q, Quantities.cpu(cores));
  }

  @ParameterizedTest
  @CsvSource({"536870912,512Mi", "1073741824,1Gi", "1000,1000", "1536,1536", "2048,2Ki"})
  void memoryQuantities(long bytes, String q) {
    assertEquals(q, Quantities.memory(bytes));
  }

  /** Property: formatting a duration and parsing it back gives the same duration. */
  @FuzzTest(maxDuration = "10s")
  void durationRoundTrip(long nanos) {
    Duration d = Duration.ofNanos(Math.abs(nanos % 1_000_000_000_000_000L));
    assertEquals(d, Durations.parse(Durations.format(d)));
  }

  /** Property: formatting a size and parsing it back gives the same number of bytes. */
  @FuzzTest(maxDuration = "10s")
  void byteSizeRoundTrip(long bytes) {
    long b = Math.abs(bytes % (1L << 52));
    assertEquals(b, ByteSizes.parse(ByteSizes.format(b)));
  }

  /** Property: any text either parses or fails with IllegalArgumentException, nothing else. */
  @FuzzTest(maxDuration = "10s")
  void parsersFailCleanly(String s) {
    if (s == null) return;
    try {
      Durations.parse(s);
    } catch (IllegalArgumentException expected) {
      // fine
    }
    try {
      ByteSizes.parse(s);
    } catch (IllegalArgumentException expected) {
      // fine
    }
  }
}
