package dev.ferry.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps independent items on every core (the calling thread and up to {@code cores - 1} helper
 * threads, each taking the next item left), results in item order whatever thread computed them.
 * A throw is rethrown on the calling thread as it was thrown, and the first in item order wins,
 * so a failure reads the same as when the items ran one after the other.
 */
public final class OnEveryCore {
  /** More threads than this gain nothing on the items lint has (rule classes, report chunks). */
  private static final int MAX_THREADS = 4;

  private OnEveryCore() {}

  /** {@code f} applied to each item, in item order. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    int n = items.size();
    Object[] done = new Object[n];
    boolean[] threw = new boolean[n];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          done[i] = f.apply(items.get(i));
        } catch (Throwable t) {
          done[i] = t;
          threw[i] = true;
        }
      }
    };
    int threads = Math.min(n, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    Thread[] helpers = new Thread[Math.max(0, threads - 1)];
    for (int h = 0; h < helpers.length; h++) {
      helpers[h] = new Thread(work, "ferry-lint-" + (h + 1));
      helpers[h].setDaemon(true);
      helpers[h].start();
    }
    work.run();
    joinAll(helpers); // join: what the helpers wrote to done/threw is visible from here on
    List<R> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (threw[i]) throw rethrow((Throwable) done[i]);
      @SuppressWarnings("unchecked")
      R r = (R) done[i];
      out.add(r);
    }
    return out;
  }

  /** Consecutive slices of {@code items} of about {@code size} each (the last may be shorter). */
  public static <T> List<List<T>> slices(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) out.add(items.subList(from, Math.min(items.size(), from + size)));
    return out;
  }

  private static void joinAll(Thread[] threads) {
    boolean interrupted = false;
    for (Thread t : Arrays.asList(threads)) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the items must finish either way: their results are the output
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error e) throw e;
    return new IllegalStateException(t); // f declares no checked exception; only a sneaky throw gets here
  }
}
