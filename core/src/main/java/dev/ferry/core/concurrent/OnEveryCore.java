package dev.ferry.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Independent items computed on every core, their results handed on in item order: how ferry
 * spreads work that may fail or is written as it is made (files of a chart, documents of convert,
 * rows of explain, rule classes and report slices of lint, per-service functions of translation)
 * over the cores without letting thread scheduling change its output or which failure is seen.
 * (Batches that catch their own failures, like the loader's, use a plain parallel stream.)
 *
 * <p>Items are claimed in order by the calling thread and the common pool's workers. The caller
 * hands each result on as soon as it and every result before it are ready, and computes the next
 * unclaimed item itself while it waits, so handing on (writing) overlaps computing and a busy pool
 * only means the caller does more. At most {@code ahead} items are computed beyond the one the
 * caller waits for, so a streamed output is never held whole. A failure stops further claims; the
 * items claimed before it finish, and the failure of the first failing item in item order is
 * thrown as it was thrown (same object, not wrapped), after the results before it were handed on:
 * exactly what a run one item after the other meets. Helpers are awaited (or, when not started,
 * cancelled) before a call returns, so no item runs after it.
 */
public final class OnEveryCore {
  /** One item's work: the {@code i}-th result. */
  public interface Task<R, E extends Exception> {
    R run(int i) throws E;
  }

  private OnEveryCore() {}

  /** The results of items {@code 0..n-1}, in order. */
  public static <R, E extends Exception> List<R> map(int n, Task<? extends R, E> task) throws E {
    List<R> out = new ArrayList<>(Math.max(0, n));
    forEachInOrder(n, Math.max(1, n), task, out::add);
    return out;
  }

  /** {@code f} of each item of {@code items}, in order. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    return map(items.size(), i -> f.apply(items.get(i)));
  }

  /**
   * The result of each item {@code 0..n-1} given to {@code then} on the calling thread, in item
   * order, as soon as it and those before it are ready; at most {@code ahead} items beyond the one
   * handed on next are computed meanwhile.
   */
  public static <R, E extends Exception> void forEachInOrder(int n, int ahead, Task<? extends R, E> task,
      Consumer<? super R> then) throws E {
    int helpers = Runtime.getRuntime().availableProcessors() < 2 ? 0
        : Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    if (helpers <= 0) {
      for (int i = 0; i < n; i++) then.accept(task.run(i));
      return;
    }
    int bound = Math.max(1, ahead);
    @SuppressWarnings("unchecked")
    CompletableFuture<R>[] done = new CompletableFuture[n];
    for (int i = 0; i < n; i++) done[i] = new CompletableFuture<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger handed = new AtomicInteger();
    Runnable work = () -> {
      while (true) {
        // far enough ahead of the caller: wait (claims are in order, so the caller never waits on this)
        for (int k; (k = next.get()) < n && k >= handed.get() + bound; ) LockSupport.parkNanos(50_000);
        int i = next.getAndIncrement();
        if (i >= n) return;
        compute(task, i, done[i], next, n);
      }
    };
    List<Helper> started = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) started.add(new Helper(work));
    try {
      for (int i = 0; i < n; i++) {
        while (!done[i].isDone()) {
          int k = next.get();
          if (k >= n || k >= i + bound) break; // item i is being computed elsewhere: wait for it
          if (next.compareAndSet(k, k + 1)) compute(task, k, done[k], next, n);
        }
        R r = OnEveryCore.<R, E>result(done[i]);
        // handed on: neither the slot nor the future keeps it. The futures are made first, so a large
        // run's are in the old generation by the time most complete; a young collection takes every
        // old object as live, and a dead future still holding its result would have that result
        // (an explain page's part: a string of 1-2 MB) copied to the old generation with it
        done[i].obtrudeValue(null);
        done[i] = null;
        handed.incrementAndGet();
        then.accept(r);
      }
    } finally {
      next.set(n); // after a failure (or a throw from then): no further claims
      for (Helper h : started) h.awaitOrCancel();
    }
  }

  /** {@code f} of each item of {@code items} given to {@code then} in order, as soon as it is ready. */
  public static <T, R> void forEachInOrder(List<T> items, Function<? super T, ? extends R> f,
      Consumer<? super R> then) {
    forEachInOrder(items.size(), Math.max(1, items.size()), i -> f.apply(items.get(i)), then);
  }

  /** Consecutive slices of {@code items} of {@code size} each (the last may be shorter). */
  public static <T> List<List<T>> slices(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      out.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return out;
  }

  /** The result of {@code f}, waiting for it; its failure thrown as it was thrown (not wrapped). */
  public static <T> T join(CompletableFuture<T> f) {
    return OnEveryCore.<T, RuntimeException>result(f);
  }

  private static <R, E extends Exception> void compute(Task<? extends R, E> task, int i, CompletableFuture<R> out,
      AtomicInteger next, int n) {
    try {
      out.complete(task.run(i));
    } catch (Exception | Error e) {
      next.set(n); // nothing after a failure is claimed; every item before it is claimed already
      out.completeExceptionally(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T, E extends Exception> T result(CompletableFuture<T> f) throws E {
    try {
      return f.join();
    } catch (CompletionException x) {
      Throwable t = x.getCause();
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error e) throw e;
      throw (E) t; // a task throws only E besides unchecked exceptions
    }
  }

  /**
   * A worker on the common pool. One that has not started when the caller is done is cancelled
   * rather than awaited (the pool may be busy, or the caller one of its workers).
   */
  private static final class Helper {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    Helper(Runnable work) {
      ForkJoinPool.commonPool().execute(() -> {
        if (!claimed.compareAndSet(false, true)) return;
        try {
          work.run();
        } finally {
          finished.complete(null);
        }
      });
    }

    void awaitOrCancel() {
      if (claimed.compareAndSet(false, true)) return;
      finished.join(); // the work records its failures itself: this never throws
    }
  }
}
