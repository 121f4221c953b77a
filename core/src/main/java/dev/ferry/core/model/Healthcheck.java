package dev.ferry.core.model;

import java.time.Duration;
import java.util.List;

/**
 * A healthcheck in long syntax. {@code test} starts with CMD, CMD-SHELL or NONE (a string test is
 * normalised to CMD-SHELL). Durations and retries are null when not given.
 */
public record Healthcheck(
    List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
    Duration startInterval, boolean disabled) {

  public boolean isDisabled() {
    return disabled || (test != null && !test.isEmpty() && "NONE".equals(test.get(0)));
  }

  public boolean isShell() {
    return test != null && !test.isEmpty() && "CMD-SHELL".equals(test.get(0));
  }

  /** The command without its CMD / CMD-SHELL marker. */
  public List<String> command() {
    return test == null || test.isEmpty() ? List.of() : test.subList(1, test.size());
  }
}
