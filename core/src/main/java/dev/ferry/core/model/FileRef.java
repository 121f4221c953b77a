package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/**
 * A service's reference to a top-level secret or config, in long syntax: target is the path in
 * the container (secrets default to {@code /run/secrets/<source>}, configs to {@code /<source>}).
 */
public record FileRef(String source, String target, String uid, String gid, Integer mode, ModelPath path) {}
