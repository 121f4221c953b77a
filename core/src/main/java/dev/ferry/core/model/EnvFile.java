package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;
import java.util.Map;

/**
 * One {@code env_file} entry: the path as written (relative to the project directory), whether it
 * is required, and the variables read from it (empty when it could not be read).
 */
public record EnvFile(String path, boolean required, Map<String, String> values, ModelPath modelPath) {}
