package dev.ferry.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;

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
    List<R> out = new ArrayList<>(items.size());
    forEachInOrder(items, f, out::add);
    return out;
  }

  /**
   * {@code f} applied to each item on every core, each result handed to {@code then} on the calling
   * thread in item order as soon as it and those before it are ready (the caller renders too
   * while it waits), so writing the first results overlaps computing the later ones.
   */
  public static <T, R> void forEachInOrder(List<T> items, Function<? super T, ? extends R> f, Consumer<? super R> then) {
    int n = items.size();
    Object[] done = new Object[n];
    boolean[] ready = new boolean[n];
    boolean[] threw = new boolean[n];
    AtomicInteger next = new AtomicInteger();
    Object lock = new Object();
    IntPredicate one = i -> { // computes item i (claimed by the caller of one); false when all are claimed
      if (i >= n) return false;
      Object r;
      boolean failed = false;
      try {
        r = f.apply(items.get(i));
      } catch (Throwable t) {
        r = t;
        failed = true;
      }
      synchronized (lock) {
        done[i] = r;
        threw[i] = failed;
        ready[i] = true;
        lock.notifyAll();
      }
      return true;
    };
    Thread[] helpers = start(Math.min(n, threads()) - 1, () -> {
      while (one.test(next.getAndIncrement())) {
        // each round computes one item
      }
    });
    try {
      for (int i = 0; i < n; i++) {
        Object r;
        boolean failed;
        while (true) {
          synchronized (lock) {
            if (ready[i]) {
              r = done[i];
              failed = threw[i];
              done[i] = null; // handed on: the slot need not keep it
              break;
            }
          }
          int mine = next.getAndIncrement(); // not ready: compute the next unclaimed item meanwhile
          if (!one.test(mine)) awaitReady(lock, ready, i);
        }
        if (failed) throw rethrow((Throwable) r);
        @SuppressWarnings("unchecked")
        R result = (R) r;
        then.accept(result);
      }
    } finally {
      next.set(n); // after a throw: helpers stop taking items
      joinAll(helpers);
    }
  }

  private static void awaitReady(Object lock, boolean[] ready, int i) {
    boolean interrupted = false;
    synchronized (lock) {
      while (!ready[i]) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static int threads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  private static Thread[] start(int count, Runnable work) {
    Thread[] helpers = new Thread[Math.max(0, count)];
    for (int h = 0; h < helpers.length; h++) {
      helpers[h] = new Thread(work, "ferry-lint-" + (h + 1));
      helpers[h].setDaemon(true);
      helpers[h].start();
    }
    return helpers;
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
