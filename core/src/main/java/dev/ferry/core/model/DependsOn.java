package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/** One {@code depends_on} entry: condition is service_started, service_healthy or service_completed_successfully. */
public record DependsOn(String service, String condition, boolean restart, boolean required, ModelPath path) {
  public static final String STARTED = "service_started";
  public static final String HEALTHY = "service_healthy";
  public static final String COMPLETED = "service_completed_successfully";
}
