package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;

/**
 * A model a service uses ({@code services.<svc>.models}, list or map form): the top-level model's
 * name, the entry that names it, and the variable names the map form may set (null when not given:
 * compose's defaults {@code <MODEL>_URL} and {@code <MODEL>_MODEL} apply).
 */
public record ModelUse(String model, ModelPath path, String endpointVar, String modelVar) {}
