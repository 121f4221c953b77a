package dev.ferry.core.emit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent tasks of an output directory (the files' texts, their digests, their writes) run on
 * every core, with the results in task order: tasks are claimed in order by the calling thread and
 * the common pool's workers, so the result never depends on scheduling. After a failure no further
 * task is claimed; the tasks claimed before it finish, and the failure of the first failing task in
 * task order is thrown as it is, so the caller sees the failure a run in order would have met first.
 */
public final class OutputDirTasks {
  /** One task: the {@code i}-th result. */
  public interface Task<T, E extends Exception> {
    T run(int i) throws E;
  }

  private OutputDirTasks() {}

  /** The results of tasks {@code 0..n-1}, in order. */
  public static <T, E extends Exception> List<T> run(int n, Task<T, E> task) throws E {
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    Runnable worker = () -> {
      for (int i; !failed.get() && (i = next.getAndIncrement()) < n; ) {
        try {
          results[i] = task.run(i);
        } catch (Exception | Error e) {
          failures[i] = e;
          failed.set(true);
        }
      }
    };
    int helpers = Runtime.getRuntime().availableProcessors() < 2 ? 0 : Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    List<Helper> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) started.add(new Helper(worker));
    worker.run();
    for (Helper h : started) h.awaitOrCancel();
    for (Throwable f : failures) if (f != null) throw OutputDirTasks.<E>rethrow(f);
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }

  /**
   * A worker on the common pool. One that has not started when the caller is done is cancelled
   * rather than awaited (the pool may be busy, or the caller one of its workers).
   */
  private static final class Helper {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Helper(Runnable worker) {
      ForkJoinPool.commonPool().execute(() -> {
        if (!claimed.compareAndSet(false, true)) return;
        try {
          worker.run();
        } finally {
          done.complete(null);
        }
      });
    }

    void awaitOrCancel() {
      if (claimed.compareAndSet(false, true)) return;
      done.join(); // the worker records its failures itself: this never throws
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException rethrow(Throwable t) throws E {
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    throw (E) t; // a task throws only E besides unchecked exceptions
  }
}
