package dev.ferry.core.model;

/**
 * A top-level secret or config definition: exactly one of file (path relative to the project
 * directory), environment (variable name) or content (configs only; already interpolated) is set,
 * or external. {@code value} holds what the source resolved to, when it could be read; it is never
 * printed by ferry except into a Secret/ConfigMap object.
 */
public record Secret(String name, String file, String environment, String content, boolean external, String value) {}
