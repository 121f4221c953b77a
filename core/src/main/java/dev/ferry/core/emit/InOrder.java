package dev.ferry.core.emit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders items on every core and hands their texts to a sink in item order, while the rest are
 * still rendering: the calling thread writes each chunk as soon as it and every chunk before it
 * are done, and renders chunks itself while it waits. Chunks are claimed in order, each item is
 * rendered on its own, so the sink receives the same texts in the same order on any number of
 * cores. A failure in any chunk is thrown to the caller (the chunks after it are not written).
 */
final class InOrder {
  /** Items per chunk: large enough that claiming one is cheap, small enough to start writing early. */
  private static final int CHUNK = 64;

  private InOrder() {}

  /** {@code f} of each of {@code items}, given to {@code sink} in item order. */
  static <T> void render(List<T> items, Function<T, String> f, Consumer<String> sink) {
    int chunks = (items.size() + CHUNK - 1) / CHUNK;
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks - 1);
    if (helpers <= 0 || Runtime.getRuntime().availableProcessors() < 2) {
      for (T item : items) sink.accept(f.apply(item));
      return;
    }
    @SuppressWarnings("unchecked")
    CompletableFuture<String[]>[] done = new CompletableFuture[chunks];
    for (int c = 0; c < chunks; c++) done[c] = new CompletableFuture<>();
    AtomicInteger next = new AtomicInteger();
    Runnable claim = () -> {
      int c = next.getAndIncrement();
      if (c < chunks) renderChunk(items, f, c, done[c]);
    };
    Runnable helper = () -> {
      for (int c; (c = next.getAndIncrement()) < chunks; ) renderChunk(items, f, c, done[c]);
    };
    for (int h = 0; h < helpers; h++) ForkJoinPool.commonPool().execute(helper);
    try {
      for (int c = 0; c < chunks; c++) {
        while (!done[c].isDone() && next.get() < chunks) claim.run();
        String[] texts = done[c].join();
        done[c] = null; // written: its texts can go
        for (String s : texts) sink.accept(s);
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    } finally {
      next.set(chunks); // on a failure, helpers stop claiming
    }
  }

  private static <T> void renderChunk(List<T> items, Function<T, String> f, int c, CompletableFuture<String[]> out) {
    int from = c * CHUNK;
    int to = Math.min(items.size(), from + CHUNK);
    String[] texts = new String[to - from];
    try {
      for (int i = from; i < to; i++) texts[i - from] = f.apply(items.get(i));
    } catch (RuntimeException | Error e) {
      out.completeExceptionally(e);
      return;
    }
    out.complete(texts);
  }
}
