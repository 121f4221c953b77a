package dev.ferry.core.translate;

import dev.ferry.core.model.Service;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A pure function of each service, computed on every core for large projects, in service order.
 * If any service fails, all are computed again one after the other on the calling thread, so the
 * failure (exception type, message, which service) is the one the sequential loop would give.
 */
public final class PerService {
  /** Below this many services everything stays on the calling thread (forking would cost more than it saves). */
  public static final int PARALLEL_FROM = 64;

  private PerService() {}

  public static <R> List<R> map(List<Service> services, Function<Service, R> f) {
    if (services.size() >= PARALLEL_FROM && Runtime.getRuntime().availableProcessors() >= 2) {
      Object[] out = services.parallelStream().map(s -> {
        try {
          return (Object) f.apply(s);
        } catch (RuntimeException | Error e) {
          return FAILED;
        }
      }).toArray();
      boolean failed = false;
      for (Object o : out) failed |= o == FAILED;
      if (!failed) {
        @SuppressWarnings("unchecked")
        List<R> l = (List<R>) Arrays.asList(out);
        return l;
      }
    }
    return services.stream().map(f).toList();
  }

  private static final Object FAILED = new Object();
}
