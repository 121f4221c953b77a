package dev.ferry.rules.api;

import dev.ferry.core.load.LoadResult;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a rule sees: the loaded project (null when loading failed before binding), the source map,
 * the files as parsed (for order and quoting rules), rule options from .ferry.yaml, and a way to
 * report. Positions come from model paths, never from text search.
 */
public interface RuleContext {
  /** The bound project, or null when the files could not be loaded that far. */
  Project project();

  LoadResult load();

  SourceMap sourceMap();

  /** Each compose file as written (before interpolation/merge), by display name, in load order. */
  Map<String, MapNode> parsedFiles();

  /** This rule's options: from .ferry.yaml ({@code rules: {id: {options...}}}), else the declared defaults. */
  RuleOptions options();

  /** Services of the project, in order (empty when there is no project). */
  default Collection<Service> services() {
    return project() == null ? List.of() : project().services().values();
  }

  default Position position(ModelPath path) {
    return sourceMap().position(path);
  }

  /**
   * Reports at the key (or item) at {@code path} with the rule's default severity and remediation.
   * Reports at one written line are merged into one (see {@link RuleInfo#mergeSharedLines()}).
   */
  void report(ModelPath path, String service, String message);

  /** Reports at an explicit position (for rules over parsed files). */
  void report(Position position, String service, String message);
}
