package dev.ferry.core.translate.run;

import dev.ferry.core.model.Service;
import dev.ferry.core.translate.TranslationContext;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Translates services on every core with the result of translating them one after the other, in
 * service order. Each service is mapped on a {@link TranslationContext#fork() fork} that reads the
 * shared context and buffers what it adds; the forks are then joined in service order. What
 * depends on that order (a name another service claimed first, an object another service emitted
 * first, provenance another service added to the same object) is checked at the join: a fork whose
 * reads no longer hold, or that failed, is dropped and its service translated again on the shared
 * context, so names, objects, provenance, findings and exceptions are exactly those of the
 * sequential loop.
 */
final class InServiceOrder {
  /** Below this many services the loop runs on the calling thread (forking would cost more than it saves). */
  static final int PARALLEL_FROM = 64;

  private InServiceOrder() {}

  /**
   * {@code map} of each of {@code services}, as if run on {@code ctx} in order; forked when there
   * are at least {@code parallelFrom} services (tests force it with 0).
   */
  static void run(TranslationContext ctx, List<Service> services, int parallelFrom,
      BiConsumer<TranslationContext, Service> map) {
    if (services.size() < parallelFrom || parallelFrom > 0 && Runtime.getRuntime().availableProcessors() < 2) {
      for (Service s : services) map.accept(ctx, s);
      return;
    }
    Object[] forks = IntStream.range(0, services.size()).parallel().mapToObj(i -> {
      TranslationContext f = ctx.fork();
      try {
        map.accept(f, services.get(i));
        return f;
      } catch (RuntimeException | Error e) {
        return e; // translated again on ctx below, where it fails (or not) exactly as the loop would
      }
    }).toArray();
    for (int i = 0; i < forks.length; i++) {
      TranslationContext f = forks[i] instanceof TranslationContext t ? t : null;
      forks[i] = null; // joined: its buffers can go
      if (f == null || !ctx.join(f)) map.accept(ctx, services.get(i));
    }
  }
}
