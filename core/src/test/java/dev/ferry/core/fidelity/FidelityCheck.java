package dev.ferry.core.fidelity;

import dev.ferry.core.emit.ManifestWriter;
import dev.ferry.core.emit.YamlReaders;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.Translation;
import java.util.List;

/** Both models of one converted project, compared: the manifests are read back as kubectl reads them (YAML 1.1). */
public final class FidelityCheck {
  private FidelityCheck() {}

  public static Fidelity.Result of(LoadResult load, Translation t) {
    String text = ManifestWriter.yamlStream(t, load.sourceMap(), false);
    List<Object> docs = YamlReaders.yaml11(text);
    return Fidelity.compare(ComposeSide.of(load.project()), KubeSide.of(load.project(), docs), t.diagnostics());
  }
}
