package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.load.stage.Outline;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import java.util.List;
import java.util.Map;

/**
 * What the loader produced: the project (null when loading could not get that far), the source
 * map, every diagnostic in order, and each file's parsed tree as written (before interpolation and
 * merging: hygiene rules about order and quoting read these). {@code fileTexts} are the files'
 * contents by display name (for code frames and suppression comments). {@code outlines} are the
 * outlines of those files the loader read from its own parse, when {@link LoadOptions#outlines}
 * asked for them (explain's line tables; a file without one is read again there).
 */
public record LoadResult(
    Project project,
    SourceMap sourceMap,
    List<Diagnostic> diagnostics,
    Map<String, MapNode> parsedFiles,
    Map<String, String> fileTexts,
    Map<String, Outline> outlines) {

  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) if (d.isError()) return true;
    return false;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
