package dev.ferry.core.translate;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.model.Service;
import java.util.List;
import java.util.function.Function;

/**
 * A pure function of each service, computed on every core for large projects ({@link OnEveryCore}),
 * in service order. A failure is the one the sequential loop would meet first (the first failing
 * service in order, thrown as it was thrown).
 */
public final class PerService {
  /** Below this many services everything stays on the calling thread (forking would cost more than it saves). */
  public static final int PARALLEL_FROM = 64;

  private PerService() {}

  public static <R> List<R> map(List<Service> services, Function<Service, R> f) {
    return services.size() < PARALLEL_FROM ? services.stream().map(f).toList() : OnEveryCore.map(services, f);
  }
}
