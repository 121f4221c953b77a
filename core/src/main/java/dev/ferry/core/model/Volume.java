package dev.ferry.core.model;

import java.util.Map;

/** A top-level named volume. {@code name} is the key; {@code externalName} set when external. */
public record Volume(String name, String driver, Map<String, String> driverOpts, boolean external, String externalName, Map<String, String> labels) {}
