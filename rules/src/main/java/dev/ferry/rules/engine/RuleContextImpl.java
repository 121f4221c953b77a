package dev.ferry.rules.engine;

import dev.ferry.core.load.LoadResult;
import dev.ferry.core.model.Project;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.source.SourceMap;
import dev.ferry.core.tree.MapNode;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.List;
import java.util.Map;

/** The context one rule runs in: reports become findings with the rule's id and default severity. */
final class RuleContextImpl implements RuleContext {
  private final LoadResult load;
  private final RuleInfo info;
  private final Map<String, Object> options;
  private final List<Finding> out;
  private final Position fallback;

  RuleContextImpl(LoadResult load, Rule rule, Map<String, Object> options, List<Finding> out, Position fallback) {
    this.load = load;
    this.info = rule.info();
    this.options = options;
    this.out = out;
    this.fallback = fallback;
  }

  @Override
  public Project project() {
    return load.project();
  }

  @Override
  public LoadResult load() {
    return load;
  }

  @Override
  public SourceMap sourceMap() {
    return load.sourceMap();
  }

  @Override
  public Map<String, MapNode> parsedFiles() {
    return load.parsedFiles();
  }

  @Override
  public Map<String, Object> options() {
    return options;
  }

  @Override
  public void report(ModelPath path, String service, String message) {
    report(sourceMap().position(path), service, message);
  }

  @Override
  public void report(Position position, String service, String message) {
    Position p = position != null && position.isKnown() ? position : fallback;
    out.add(new Finding(info.id(), info.severity(), message, p, service, info.remediation()));
  }
}
