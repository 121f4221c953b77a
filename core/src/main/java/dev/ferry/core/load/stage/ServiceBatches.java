package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The per-service work of the stages after merging (strip tags, profiles, canonicalise, bind,
 * consistency) on every core: consecutive services in batches, each batch with its own worker and
 * diagnostics, the results put together in service order, so the results, their diagnostics and a
 * failure are what doing the services one after the other gives (a failure is the first one in
 * service order, thrown after the diagnostics of the services done before it). Binding that reads
 * files ({@code env_file}, {@code label_file}: their reading reports and records as it goes) stays
 * on one thread, in order.
 */
final class ServiceBatches {
  /** Services per batch; fewer than two batches are done on the calling thread. */
  static final int BATCH = 128;

  /** Set on a thread that does the services one after the other (the tests' reference run). */
  private static final ThreadLocal<Boolean> IN_ORDER = ThreadLocal.withInitial(() -> false);

  private ServiceBatches() {}

  /** {@code run} with every batched stage it calls on this thread doing its services one after the other. */
  static <T> T inOrder(Supplier<T> run) {
    IN_ORDER.set(true);
    try {
      return run.get();
    } finally {
      IN_ORDER.remove();
    }
  }

  /** One batch's results in order, its diagnostics, and the failure that ended it, if any. */
  private record Batch<R>(List<R> results, Diagnostics diags, RuntimeException failure) {}

  /**
   * {@code perBatch.apply(d)} (a batch's worker, reporting to {@code d}) applied to each item of
   * {@code items}, in batches on every core; the results in item order, the diagnostics added to
   * {@code diags} in item order.
   */
  static <T, R> List<R> map(List<T> items, Diagnostics diags, Function<Diagnostics, Function<T, R>> perBatch) {
    int batches = (items.size() + BATCH - 1) / BATCH;
    if (batches < 2 || IN_ORDER.get()) return oneAfterAnother(items, perBatch.apply(diags));
    List<Batch<R>> done = IntStream.range(0, batches).parallel()
        .mapToObj(b -> batch(items.subList(b * BATCH, Math.min(items.size(), (b + 1) * BATCH)), perBatch))
        .toList();
    List<R> out = new ArrayList<>(items.size());
    for (Batch<R> b : done) {
      out.addAll(b.results());
      diags.addAll(b.diags().all());
      if (b.failure() != null) throw b.failure();
    }
    return out;
  }

  /** {@code services} with each value mapped by a batch's worker ({@link #map}); a null value drops the service. */
  static MapNode mapValues(MapNode services, Diagnostics diags,
      Function<Diagnostics, BiFunction<MapNode.Entry, Node, Node>> perBatch) {
    List<MapNode.Entry> entries = Arrays.asList(services.entries().toArray(MapNode.Entry[]::new));
    List<Node> values = map(entries, diags, d -> {
      BiFunction<MapNode.Entry, Node, Node> f = perBatch.apply(d);
      return e -> f.apply(e, e.value());
    });
    int[] next = {0};
    return services.mapValues((e, v) -> values.get(next[0]++));
  }

  private static <T, R> List<R> oneAfterAnother(List<T> items, Function<T, R> f) {
    List<R> out = new ArrayList<>(items.size());
    for (T t : items) out.add(f.apply(t));
    return out;
  }

  private static <T, R> Batch<R> batch(List<T> items, Function<Diagnostics, Function<T, R>> perBatch) {
    Diagnostics diags = new Diagnostics();
    List<R> out = new ArrayList<>(items.size());
    try {
      Function<T, R> f = perBatch.apply(diags);
      for (T t : items) out.add(f.apply(t));
    } catch (RuntimeException e) {
      return new Batch<>(out, diags, e);
    }
    return new Batch<>(out, diags, null);
  }

  /** The services of {@code svcs} bound, in order (a value that is not a mapping binds to nothing). */
  static Map<String, Service> bind(MapNode svcs, Bind.Files files, Diagnostics diags) {
    List<MapNode.Entry> entries = List.copyOf(svcs.entries());
    Function<Diagnostics, Function<MapNode.Entry, Service>> perBatch = d -> {
      ServiceBinder binder = new ServiceBinder(d, files);
      return e -> e.value() instanceof MapNode m ? binder.service(e.key(), ModelPath.of("services", e.key()), m) : null;
    };
    List<Service> bound = readsFiles(entries) ? oneAfterAnother(entries, perBatch.apply(diags)) : map(entries, diags, perBatch);
    Map<String, Service> out = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) if (bound.get(i) != null) out.put(entries.get(i).key(), bound.get(i));
    return out;
  }

  private static boolean readsFiles(List<MapNode.Entry> entries) {
    for (MapNode.Entry e : entries) {
      if (e.value() instanceof MapNode m && (m.has("env_file") || m.has("label_file"))) return true;
    }
    return false;
  }
}
