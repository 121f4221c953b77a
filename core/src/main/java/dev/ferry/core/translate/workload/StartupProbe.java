package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;

/**
 * {@code start_period} (and {@code start_interval}, default 5s) as a startupProbe running the
 * healthcheck's test: compose checks every start_interval during start_period without counting
 * failures, and the container is healthy at the first success; Kubernetes runs the startup probe
 * until its first success and only then starts the readiness and liveness probes. Its failure
 * threshold lasts as long as compose takes to call the container unhealthy (start_period, then
 * {@code retries} failed checks at {@code interval}); after that the kubelet restarts the container,
 * where compose would leave it running unhealthy.
 */
final class StartupProbe {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private StartupProbe() {}

  /** The startup probe for {@code readiness}'s check, or null when there is no start period. */
  static Probe of(TranslationContext ctx, Scope scope, Probe readiness, Healthcheck h, Duration start, ModelPath startAt,
      ModelPath hp, int periodSeconds, int retries) {
    if (readiness == null || start == null || start.isZero()) return null;
    Duration si = h != null && h.startInterval() != null && !h.startInterval().isZero() ? h.startInterval() : DEFAULT_INTERVAL;
    int step = Durations.seconds(si, 1);
    long window = Durations.seconds(start, 1) + (long) retries * periodSeconds;
    int threshold = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (window + step - 1) / step));
    Probe p = new ProbeBuilder(readiness).withPeriodSeconds(step).withFailureThreshold(threshold).build();
    scope.from(ctx, "startupProbe", startAt, "start_period: the healthcheck's test runs as a startup probe; failures"
        + " during start-up do not count, and readiness and liveness probes begin after its first success");
    Scope sp = scope.at("startupProbe");
    if (h != null && h.startInterval() != null) sp.from(ctx, "periodSeconds", hp.key("start_interval"));
    else sp.defaulted(ctx, "periodSeconds", "compose's default start_interval is 5s");
    sp.defaulted(ctx, "failureThreshold", "start_period plus retries x interval, in start_interval steps: as long as"
        + " compose takes to call the container unhealthy (the kubelet then restarts it; compose would not)");
    return p;
  }
}
