package dev.ferry.core.emit;

import dev.ferry.core.concurrent.OnEveryCore;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders items on every core ({@link OnEveryCore}) in chunks and hands their texts to a sink in
 * item order while the rest are still rendering. Each item is rendered on its own, so the sink
 * receives the same texts in the same order on any number of cores. A failure in any chunk is
 * thrown to the caller (the chunks after it are not written).
 */
final class InOrder {
  /** Items per chunk: large enough that claiming one is cheap, small enough to start writing early. */
  private static final int CHUNK = 64;

  private InOrder() {}

  /**
   * Chunks rendered but not yet written, at most: with a slow reader at the other end of standard
   * output, the helpers wait instead of holding every object's text (at 10,000 services, all of
   * convert's 90 MB of output).
   */
  private static final int AHEAD = 16;

  /** {@code f} of each of {@code items}, given to {@code sink} in item order. */
  static <T> void render(List<T> items, Function<T, String> f, Consumer<String> sink) {
    List<List<T>> chunks = OnEveryCore.slices(items, CHUNK);
    OnEveryCore.forEachInOrder(chunks.size(), AHEAD, c -> {
      List<T> chunk = chunks.get(c);
      String[] texts = new String[chunk.size()];
      for (int i = 0; i < texts.length; i++) texts[i] = f.apply(chunk.get(i));
      return texts;
    }, texts -> {
      for (String s : texts) sink.accept(s);
    });
  }
}
