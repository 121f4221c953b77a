package dev.ferry.core.model;

/**
 * A service's {@code restart} policy, parsed once by the loader with Docker's rules: {@code no},
 * {@code always}, {@code on-failure[:N]} (N ≥ 0 retries) and {@code unless-stopped}, spelled exactly
 * so; anything else is an invalid restart policy (Docker refuses to create the container).
 * {@code written} is the value as written, for messages.
 */
public record Restart(Policy policy, Integer maxRetries, String written) {
  /** The policies Docker knows. */
  public enum Policy { NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED }

  /** The policy {@code text} names, or null when it names none (the loader reports it). */
  public static Restart parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Policy p = switch (name) {
      case "no" -> Policy.NO;
      case "always" -> Policy.ALWAYS;
      case "on-failure" -> Policy.ON_FAILURE;
      case "unless-stopped" -> Policy.UNLESS_STOPPED;
      default -> null;
    };
    if (p == null) return null;
    if (colon < 0) return new Restart(p, null, text);
    if (p != Policy.ON_FAILURE) return null; // a retry count only goes with on-failure
    String n = text.substring(colon + 1);
    if (n.isEmpty() || n.length() > 9 || !n.chars().allMatch(Character::isDigit)) return null;
    return new Restart(p, Integer.valueOf(n), text);
  }

  /** {@code r} is given and is policy {@code p}. */
  public static boolean is(Restart r, Policy p) {
    return r != null && r.policy == p;
  }

  /** no or on-failure: a container that exits successfully stays stopped. */
  public boolean stopsOnSuccess() {
    return policy == Policy.NO || policy == Policy.ON_FAILURE;
  }

  @Override
  public String toString() {
    return written;
  }
}
