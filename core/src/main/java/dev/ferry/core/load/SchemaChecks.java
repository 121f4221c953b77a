package dev.ferry.core.load;

import dev.ferry.core.diag.Diagnostic;
import dev.ferry.core.load.stage.SchemaCheck;
import dev.ferry.core.tree.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The schema checks of a load's files, each run on a thread of its own while the loader goes on
 * (the check of a large file costs about as much as the later stages, and there are two cores);
 * {@link #await} returns their diagnostics in file order, so the result is the same as checking
 * in line.
 */
final class SchemaChecks {
  /** The validator recurses on the document, which is at most {@code Parse.MAX_DEPTH} deep: room to spare. */
  private static final long STACK_BYTES = 64L << 20;
  private final List<FutureTask<List<Diagnostic>>> pending = new ArrayList<>();

  void start(MapNode doc) {
    FutureTask<List<Diagnostic>> task = new FutureTask<>(() -> SchemaCheck.checkTagged(doc));
    Thread t = new Thread(null, task, "ferry-schema-check", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    pending.add(task);
  }

  /** The diagnostics of every check started, in the order started; a check's failure is rethrown as is. */
  List<Diagnostic> await() {
    List<Diagnostic> out = new ArrayList<>();
    for (FutureTask<List<Diagnostic>> task : pending) {
      try {
        out.addAll(task.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking the compose schema", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException(e.getCause());
      }
    }
    pending.clear();
    return out;
  }
}
