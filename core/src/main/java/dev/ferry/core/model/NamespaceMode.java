package dev.ferry.core.model;

import java.util.Arrays;

/**
 * A value of {@code network_mode}, {@code pid} or {@code ipc}, parsed once by the loader: the
 * host's namespace, none, another service's or container's, or a name Docker knows by itself
 * ({@code bridge}, {@code default}, {@code private}, {@code shareable}, a network's name).
 * {@link #written()} is the value as written, for messages.
 */
public sealed interface NamespaceMode {
  String written();

  /** {@code host}: the host's namespace. */
  record Host() implements NamespaceMode {
    public String written() {
      return "host";
    }
  }

  /** {@code none}: no network at all. */
  record None() implements NamespaceMode {
    public String written() {
      return "none";
    }
  }

  /** {@code service:NAME}: the namespace of another service of the project. */
  record OfService(String service) implements NamespaceMode {
    public String written() {
      return "service:" + service;
    }
  }

  /** {@code container:NAME}: the namespace of a container outside the project. */
  record OfContainer(String container) implements NamespaceMode {
    public String written() {
      return "container:" + container;
    }
  }

  /** Any other value, e.g. {@code bridge}, {@code private}, {@code shareable}. */
  record Named(String written) implements NamespaceMode {}

  static NamespaceMode parse(String text) {
    if (text == null) return null;
    if (text.equals("host")) return new Host();
    if (text.equals("none")) return new None();
    if (text.startsWith("service:")) return new OfService(text.substring("service:".length()));
    if (text.startsWith("container:")) return new OfContainer(text.substring("container:".length()));
    return new Named(text);
  }

  /** {@code mode} is a {@link Named} value spelled as one of {@code names} (e.g. {@code bridge}). */
  static boolean named(NamespaceMode mode, String... names) {
    return mode instanceof Named n && Arrays.asList(names).contains(n.written());
  }

  /** {@code mode} as written, or null when absent. */
  static String written(NamespaceMode mode) {
    return mode == null ? null : mode.written();
  }

  /** The service whose namespace {@code mode} joins ({@code service:X}), or null. */
  static String service(NamespaceMode mode) {
    return mode instanceof OfService o ? o.service() : null;
  }
}
