package dev.ferry.core.model;

import java.util.Map;

/** A top-level network. */
public record Network(String name, String driver, boolean external, boolean internal, Map<String, String> labels) {}
