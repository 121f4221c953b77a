package dev.ferry.core.model;

import java.util.List;

/** A service's attachment to a network: aliases and static addresses, if any. */
public record ServiceNetwork(String name, List<String> aliases, String ipv4Address, String ipv6Address) {}
