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
import dev.ferry.rules.api.RuleOptions;
import java.util.List;
import java.util.Map;

/**
 * The context one rule runs in: reports become findings with the rule's id and default severity,
 * merged per written line ({@link SharedLines}) unless the rule says otherwise.
 */
final class RuleContextImpl implements RuleContext {
  private final LoadResult load;
  private final RuleInfo info;
  private final RuleOptions options;
  private final SharedLines reported = new SharedLines();
  private final Position fallback;

  RuleContextImpl(LoadResult load, Rule rule, RuleOptions options, Position fallback) {
    this.load = load;
    this.info = rule.info();
    this.options = options;
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
  public RuleOptions options() {
    return options;
  }

  @Override
  public void report(ModelPath path, String service, String message) {
    Position p = sourceMap().position(path);
    Finding f = finding(p, service, message);
    reported.add(f, info.mergeSharedLines() ? FindingKey.of(f.rule(), f.severity(), p, path) : null);
  }

  @Override
  public void report(Position position, String service, String message) {
    reported.add(finding(position, service, message), null);
  }

  /** What the rule reported so far, merged per line. */
  List<Finding> findings() {
    return reported.findings();
  }

  private Finding finding(Position position, String service, String message) {
    Position p = position != null && position.isKnown() ? position : fallback;
    return new Finding(info.id(), info.severity(), message, p, service, info.remediation());
  }
}
