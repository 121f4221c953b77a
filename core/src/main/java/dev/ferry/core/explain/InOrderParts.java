package dev.ferry.core.explain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The line-by-line part of an explain page (rows, a pane's lines) rendered on every core and
 * handed on in item order: items are cut into chunks claimed in order; each chunk is written into
 * its own buffer by a {@link Part} that depends only on the item indexes (never on what was
 * rendered before), and scanned for glossary terms where it was rendered. The calling thread hands
 * each chunk's text to the sink as soon as it and every chunk before it are done, and renders
 * chunks itself while it waits. So the sink receives the same text in the same pieces on any
 * number of cores, and the terms found are the same (a set). At most {@link #AHEAD} chunks are
 * held before they are written: a page of 10,000 services is never held whole.
 */
final class InOrderParts {
  /** Writes items {@code [from, to)} to {@code b}; the text ends with a line break (or is empty). */
  interface Part {
    void write(StringBuilder b, int from, int to);
  }

  private record Done(String text, Glossary.Scan terms) {}

  /** Chunks rendered but not yet written, at most. */
  private static final int AHEAD = 16;

  private InOrderParts() {}

  /**
   * Items {@code 0..n-1} in chunks of {@code chunk}, each chunk's text given to {@code sink} in
   * order and its glossary terms added to {@code terms}. A failure in a chunk is thrown to the
   * caller as it was thrown (the chunks after it are not written).
   */
  static void render(int n, int chunk, Part part, Consumer<String> sink, Glossary.Scan terms) {
    int chunks = (n + chunk - 1) / chunk;
    int helpers = Runtime.getRuntime().availableProcessors() < 2 ? 0
        : Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks - 1);
    @SuppressWarnings("unchecked")
    CompletableFuture<Done>[] done = new CompletableFuture[chunks];
    for (int c = 0; c < chunks; c++) done[c] = new CompletableFuture<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    Runnable helper = () -> {
      while (true) {
        // wait while far enough ahead of the writer (claims are in order: the writer never waits on this)
        while (next.get() >= written.get() + AHEAD && next.get() < chunks) LockSupport.parkNanos(50_000);
        int c = next.getAndIncrement();
        if (c >= chunks) return;
        renderChunk(n, chunk, part, c, done[c]);
      }
    };
    for (int h = 0; h < helpers; h++) ForkJoinPool.commonPool().execute(helper);
    try {
      for (int c = 0; c < chunks; c++) {
        while (!done[c].isDone()) {
          int k = next.get();
          if (k >= chunks || k >= c + AHEAD || !next.compareAndSet(k, k + 1)) {
            if (k >= chunks || k >= c + AHEAD) break;
            continue;
          }
          renderChunk(n, chunk, part, k, done[k]);
        }
        Done d = join(done[c]);
        done[c] = null; // written: its text can go
        written.incrementAndGet();
        if (!d.text().isEmpty()) sink.accept(d.text());
        terms.addAll(d.terms());
      }
    } finally {
      next.set(chunks); // on a failure, helpers stop claiming
    }
  }

  /** The result of {@code f}, waiting for it; its failure thrown as it was thrown (not wrapped). */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException x) {
      if (x.getCause() instanceof RuntimeException re) throw re;
      if (x.getCause() instanceof Error err) throw err;
      throw x;
    }
  }

  private static void renderChunk(int n, int chunk, Part part, int c, CompletableFuture<Done> out) {
    int from = c * chunk;
    int to = Math.min(n, from + chunk);
    try {
      StringBuilder b = new StringBuilder(1 << 14);
      part.write(b, from, to);
      String text = b.toString();
      Glossary.Scan terms = new Glossary.Scan();
      terms.add(text);
      out.complete(new Done(text, terms));
    } catch (RuntimeException | Error e) {
      out.completeExceptionally(e);
    }
  }
}
