package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;
import java.util.List;

/**
 * A request for devices: a {@code gpus} entry or a {@code deploy.resources.reservations.devices}
 * entry ({@code gpus: all} or a number is one request with that {@code count}). Text fields as
 * written, null when absent ({@code driver} is {@code ""} for an explicit YAML null); {@code
 * deviceIds} is the number of {@code device_ids} listed.
 */
public record DeviceRequest(ModelPath path, String driver, String count, int deviceIds, List<String> capabilities) {
  public DeviceRequest {
    capabilities = List.copyOf(capabilities);
  }
}
