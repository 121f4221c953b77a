package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Binds the services of a project on every core: consecutive services in batches, each batch with
 * its own binder and diagnostics, the results put together in service order, so the services,
 * their diagnostics and a failure are what binding them one after the other gives (a failure is
 * the first one in service order, with the diagnostics of the services bound before it). Binding
 * that reads files ({@code env_file}, {@code label_file}: their reading reports and records as it
 * goes) stays on one thread, in order.
 */
final class ServiceBatches {
  /** Services per batch; a project with fewer than two batches is bound on the calling thread. */
  private static final int BATCH = 128;

  private ServiceBatches() {}

  /** One batch's services in order, its diagnostics, and the failure that ended it, if any. */
  private record Batch(Map<String, Service> services, Diagnostics diags, RuntimeException failure) {}

  static Map<String, Service> bind(MapNode svcs, Bind.Files files, Diagnostics diags) {
    List<MapNode.Entry> entries = List.copyOf(svcs.entries());
    int batches = (entries.size() + BATCH - 1) / BATCH;
    if (batches < 2 || readsFiles(entries)) {
      Batch all = batch(entries, files, diags);
      if (all.failure() != null) throw all.failure();
      return all.services();
    }
    List<Batch> done = IntStream.range(0, batches).parallel()
        .mapToObj(b -> batch(entries.subList(b * BATCH, Math.min(entries.size(), (b + 1) * BATCH)), files,
            new Diagnostics()))
        .toList();
    Map<String, Service> out = new LinkedHashMap<>();
    for (Batch b : done) {
      out.putAll(b.services());
      diags.addAll(b.diags().all());
      if (b.failure() != null) throw b.failure();
    }
    return out;
  }

  private static Batch batch(List<MapNode.Entry> entries, Bind.Files files, Diagnostics diags) {
    ServiceBinder binder = new ServiceBinder(diags, files);
    Map<String, Service> out = new LinkedHashMap<>();
    try {
      for (MapNode.Entry e : entries) {
        if (e.value() instanceof MapNode m) {
          out.put(e.key(), binder.service(e.key(), ModelPath.of("services", e.key()), m));
        }
      }
    } catch (RuntimeException e) {
      return new Batch(out, diags, e);
    }
    return new Batch(out, diags, null);
  }

  private static boolean readsFiles(List<MapNode.Entry> entries) {
    for (MapNode.Entry e : entries) {
      if (e.value() instanceof MapNode m && (m.has("env_file") || m.has("label_file"))) return true;
    }
    return false;
  }
}
