package dev.ferry.core.model;

import java.util.List;
import java.util.Map;

/** The parts of {@code deploy} ferry models; everything else stays readable in {@link Service#node()}. */
public record Deploy(
    String mode, Integer replicas, Resources resources, Map<String, String> labels,
    List<String> placementConstraints, String restartCondition, Integer restartMaxAttempts) {
  public static final Deploy NONE = new Deploy(null, null, Resources.NONE, Map.of(), List.of(), null, null);

  public boolean isGlobal() {
    return "global".equals(mode);
  }
}
