package dev.ferry.core.model;

/**
 * CPU (in cores) and memory (bytes) limits and reservations, from {@code deploy.resources} or the
 * legacy {@code cpus}/{@code mem_limit}/{@code mem_reservation} keys. Null where not given.
 */
public record Resources(Double cpuLimit, Long memoryLimit, Double cpuReservation, Long memoryReservation, Long pidsLimit) {
  public static final Resources NONE = new Resources(null, null, null, null, null);

  public boolean isEmpty() {
    return cpuLimit == null && memoryLimit == null && cpuReservation == null && memoryReservation == null;
  }
}
