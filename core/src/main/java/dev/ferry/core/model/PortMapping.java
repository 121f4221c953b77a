package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/**
 * One port in long syntax. {@code target} is the container port; {@code published} the host port
 * or range ({@code "8080"}, {@code "8000-8010"}) or null when the port is container-only;
 * {@code hostIp} null when not given (all interfaces); {@code protocol} null when not given (tcp).
 * {@code path} locates it in the model.
 */
public record PortMapping(
    String name, int target, String published, String hostIp, Protocol protocol, String appProtocol,
    String mode, ModelPath path) {

  public boolean isPublished() {
    return published != null && !published.isEmpty();
  }

  /** The first published port number, or -1. */
  public int publishedStart() {
    if (!isPublished()) return -1;
    String s = published.contains("-") ? published.substring(0, published.indexOf('-')) : published;
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The protocol, tcp when not given. */
  public Protocol transport() {
    return protocol == null ? Protocol.TCP : protocol;
  }
}
