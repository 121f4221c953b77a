package dev.ferry.core.load.stage;

import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;

/** A parse stopped at a {@link Limits} bound: reported as a yaml-syntax error at its position. */
final class ParseRefusal extends RuntimeException {
  final transient Position pos;
  final String message;

  private ParseRefusal(Position pos, String message) {
    super(null, null, false, false);
    this.pos = pos;
    this.message = message;
  }

  /** Nesting past {@link Limits#NESTING_DEPTH}; {@code expanded}: once aliases and merge keys are expanded. */
  static ParseRefusal tooDeep(Position pos, boolean expanded) {
    return new ParseRefusal(pos, "nesting deeper than " + Parse.MAX_DEPTH + " levels"
        + (expanded ? " once aliases and merge keys are expanded " : " ") + Limits.NESTING_DEPTH.tag());
  }

  static ParseRefusal tooLarge(Position pos, String message) {
    return new ParseRefusal(pos, message);
  }
}
