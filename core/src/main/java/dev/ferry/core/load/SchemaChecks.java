package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.load.stage.SchemaCheck;
import dev.ferry.core.tree.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The schema checks of a load's files, run one after the other on a thread of their own while the
 * loader goes on (the check of a large file costs about as much as the later stages, and there are
 * two cores); {@link #await} returns their diagnostics in file order, the same as checking in line.
 */
final class SchemaChecks {
  /** The validator recurses on the document, which is at most {@code Parse.MAX_DEPTH} deep: room to spare. */
  private static final long STACK_BYTES = 64L << 20;
  private final List<Future<List<Diagnostic>>> pending = new ArrayList<>();
  private ExecutorService worker;

  void start(MapNode doc) {
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "ferry-schema-check", STACK_BYTES);
        t.setDaemon(true);
        return t;
      });
    }
    pending.add(worker.submit(() -> SchemaCheck.checkTagged(doc)));
  }

  /** The diagnostics of every check started, in the order started; a check's failure is rethrown as is. */
  List<Diagnostic> await() {
    List<Diagnostic> out = new ArrayList<>();
    try {
      for (Future<List<Diagnostic>> task : pending) out.addAll(result(task));
    } finally {
      pending.clear();
      if (worker != null) worker.shutdown();
      worker = null;
    }
    return out;
  }

  private static List<Diagnostic> result(Future<List<Diagnostic>> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the compose schema", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }
}
