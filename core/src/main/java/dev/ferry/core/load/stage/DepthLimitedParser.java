package dev.ferry.core.load.stage;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Counts collection nesting on the event stream, so the Composer never recurses too deep; and hands
 * each event read to an {@link Outline.Walk} when one is given (the loader's reading of a compose
 * file is then also explain's outline of it).
 */
final class DepthLimitedParser implements Parser {
  private final Parser inner;
  private final YamlPositions positions;
  private final Outline.Walk outline;
  private int depth;

  DepthLimitedParser(Parser inner, YamlPositions positions, Outline.Walk outline) {
    this.inner = inner;
    this.positions = positions;
    this.outline = outline;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return inner.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return inner.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public Event next() {
    Event e = inner.next();
    switch (e.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > Parse.MAX_DEPTH) {
          Optional<Mark> m = e.getStartMark();
          throw ParseRefusal.tooDeep(m.map(positions::of).orElse(positions.start()), false);
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> { }
    }
    if (outline != null) outline.accept(e);
    return e;
  }
}
