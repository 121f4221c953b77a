package dev.ferry.core.model;

import java.util.List;
import java.util.Map;

/**
 * The parts of {@code deploy} ferry models; everything else stays readable in {@link Service#node()}.
 * {@code placementSpreads} has one entry per {@code placement.preferences} item, in order: its
 * {@code spread} value (trimmed), or null for a preference that is not a spread. {@code devices} are
 * the {@code resources.reservations.devices} entries.
 */
public record Deploy(
    String mode, Integer replicas, Resources resources, Map<String, String> labels,
    List<String> placementConstraints, List<String> placementSpreads, String restartCondition,
    Integer restartMaxAttempts, List<DeviceRequest> devices) {
  public static final Deploy NONE = new Deploy(null, null, Resources.NONE, Map.of(), List.of(), List.of(), null, null, List.of());

  public boolean isGlobal() {
    return "global".equals(mode);
  }
}
