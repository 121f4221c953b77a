package dev.ferry.core.translate;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.provenance.Provenance;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The result of translating a project: the Kubernetes objects (fabric8 models) in emission order
 * (kind, then name), where each came from, and every translation finding (with positions: these are
 * also lint findings).
 */
public record Translation(List<HasMetadata> objects, Provenance provenance, List<Diagnostic> diagnostics) {}
