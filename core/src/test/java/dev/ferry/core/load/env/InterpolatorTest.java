package dev.ferry.core.load.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every interpolation form of the compose-spec, and the escape round trip as a property. */
class InterpolatorTest {
  static final Map<String, String> ENV = Map.of("SET", "v", "EMPTY", "", "NESTED", "SET");
  static final Function<String, String> LOOKUP = ENV::get;

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "$SET|v",
      "${SET}|v",
      "x${SET}y|xvy",
      "${UNSET}|''",
      "${UNSET:-d}|d",
      "${EMPTY:-d}|d",
      "${UNSET-d}|d",
      "${EMPTY-d}|''",
      "${SET:-d}|v",
      "${SET:+a}|a",
      "${EMPTY:+a}|''",
      "${EMPTY+a}|a",
      "${UNSET+a}|''",
      "$$SET|$SET",
      "$${SET}|${SET}",
      "${UNSET:-${SET}}|v",
      "${UNSET:-x${SET}y}|xvy",
      "${UNSET:-${ALSO_UNSET:-deep}}|deep",
      "a $SET b|a v b",
      "$SET_x|''",
      "${SET}_x|v_x",
  })
  void forms(String raw, String expected) {
    Interpolator.Result r = Interpolator.interpolate(raw, LOOKUP);
    assertEquals(expected, r.value());
    assertTrue(r.problems().stream().noneMatch(Interpolator.Problem::error), r.problems().toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"${UNSET:?need it}|need it", "${EMPTY:?need it}|need it", "${UNSET?need it}|need it"})
  void requiredVariablesAreErrorsWithTheirMessage(String raw, String message) {
    Interpolator.Result r = Interpolator.interpolate(raw, LOOKUP);
    assertTrue(r.problems().stream().anyMatch(p -> p.error() && p.message().contains(message)), r.problems().toString());
  }

  @org.junit.jupiter.api.Test
  void setButEmptyPassesTheNonColonRequiredForm() {
    Interpolator.Result r = Interpolator.interpolate("${EMPTY?need it}", LOOKUP);
    assertEquals("", r.value());
    assertTrue(r.problems().stream().noneMatch(Interpolator.Problem::error));
  }

  @org.junit.jupiter.api.Test
  void unsetVariablesWarnAndAreListed() {
    Interpolator.Result r = Interpolator.interpolate("${A}-${B:-x}-$C", LOOKUP);
    assertEquals("-x-", r.value());
    assertTrue(r.problems().stream().anyMatch(p -> !p.error() && p.message().contains("A")));
    assertEquals(List.of("A", "B", "C"), Interpolator.referencedVariables("${A}-${B:-x}-$C"));
  }

  /** Property: escaping then interpolating gives back the text, with no problems. */
  @FuzzTest(maxDuration = "10s")
  void escapeRoundTrips(String s) {
    if (s == null) return;
    Interpolator.Result r = Interpolator.interpolate(Interpolator.escape(s), k -> null);
    assertEquals(s, r.value());
    assertEquals(List.of(), r.problems());
  }

  /** Property: any text interpolates without an exception escaping. */
  @FuzzTest(maxDuration = "10s")
  void neverThrows(String s) {
    if (s == null) return;
    Interpolator.interpolate(s, LOOKUP);
  }
}
