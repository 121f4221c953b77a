package dev.ferry.core.load.stage;

import dev.ferry.core.source.Position;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Positions in one file from snakeyaml-engine's 0-based marks; {@code lineOffset} lines are added
 * when the text parsed is a piece of the file that starts below its first line ({@link SplitParse}).
 */
record YamlPositions(String file, int lineOffset) {
  YamlPositions(String file) {
    this(file, 0);
  }

  Position of(Mark m) {
    return Position.fromZeroBased(file, m.getLine() + lineOffset, m.getColumn());
  }

  Position of(Node n) {
    return n.getStartMark().map(this::of).orElse(start());
  }

  /** Line 1, column 1: where a problem without a mark is reported. */
  Position start() {
    return Position.of(file, 1, 1);
  }
}
