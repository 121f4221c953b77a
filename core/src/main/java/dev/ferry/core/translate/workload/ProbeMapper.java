package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code healthcheck} to probes. The readiness probe is the healthcheck itself: like compose's
 * "unhealthy", a failing readiness probe takes the Pod out of its Service but never restarts it,
 * and {@code depends_on: service_healthy} waits on exactly that readiness. Compose never restarts
 * an unhealthy container; ferry adds a liveness probe with the same command but three times the
 * failure tolerance, delayed by {@code start_period}, so only a container that stays unhealthy is
 * restarted (never an identical copy of readiness). {@code x-ferry.probes.liveness: false} omits it.
 * Defaults are compose's: interval 30s, timeout 30s, retries 3.
 */
public final class ProbeMapper {
  public record Probes(Probe readiness, Probe liveness) {}

  private static final Duration DEFAULT = Duration.ofSeconds(30);

  private ProbeMapper() {}

  public static Probes map(TranslationContext ctx, Service s, Steering st, Scope scope, boolean runsToCompletion) {
    Healthcheck h = s.healthcheck();
    Steering.Value kTest = st.label("kompose.service.healthcheck.readiness.test");
    if ((h == null || h.isDisabled()) && kTest == null) return new Probes(null, null);
    if (runsToCompletion) {
      scope.defaulted(ctx, "", "a Job's Pod runs to completion: its healthcheck is not translated to probes");
      return new Probes(null, null);
    }
    ModelPath hp = s.path("healthcheck");
    List<String> cmd = kTest != null ? List.of("sh", "-c", kTest.text()) : command(h);
    int period = seconds(h == null ? null : h.interval(), st, "interval");
    int timeout = seconds(h == null ? null : h.timeout(), st, "timeout");
    int retries = h != null && h.retries() != null ? h.retries() : 3;
    Steering.Value kRetries = st.label("kompose.service.healthcheck.readiness.retries");
    if (kRetries != null) retries = kRetries.asInt(retries);
    retries = Math.max(1, retries);
    Duration start = h != null ? h.startPeriod() : null;
    Steering.Value kStart = st.label("kompose.service.healthcheck.readiness.start_period");
    if (kStart != null) start = parse(kStart.text(), start);

    Probe readiness = new ProbeBuilder().withNewExec().withCommand(cmd).endExec()
        .withPeriodSeconds(period).withTimeoutSeconds(timeout).withFailureThreshold(retries).build();
    scope.from(ctx, "readinessProbe", kTest != null ? kTest.path() : hp,
        "a healthcheck becomes the readiness probe: failing it takes the Pod out of its Service, as 'unhealthy'"
            + " does in compose");
    Probe liveness = null;
    Steering.Value live = st.get("probes.liveness");
    if (live == null || live.isTrue()) {
      ProbeBuilder b = new ProbeBuilder().withNewExec().withCommand(cmd).endExec()
          .withPeriodSeconds(period).withTimeoutSeconds(timeout).withFailureThreshold(retries * 3);
      if (start != null && !start.isZero()) b.withInitialDelaySeconds(Durations.seconds(start, 1));
      liveness = b.build();
      scope.from(ctx, "livenessProbe", hp,
          "compose never restarts an unhealthy container; this liveness probe tolerates 3x the retries"
              + (start != null ? " after start_period" : "") + ", so only a container that stays unhealthy restarts");
    }
    for (String probe : liveness == null ? List.of("readinessProbe") : List.of("readinessProbe", "livenessProbe")) {
      Scope p = scope.at(probe);
      p.from(ctx, "exec", kTest != null ? kTest.path() : hp.key("test"),
          h != null && h.isShell() && kTest == null ? "CMD-SHELL runs through a shell: sh -c" : null);
      field(ctx, p, "periodSeconds", h != null && h.interval() != null, hp.key("interval"), st, "interval",
          "compose's default interval is 30s");
      field(ctx, p, "timeoutSeconds", h != null && h.timeout() != null, hp.key("timeout"), st, "timeout",
          "compose's default timeout is 30s");
      field(ctx, p, "failureThreshold", h != null && h.retries() != null, hp.key("retries"), st, "retries",
          "compose's default is 3 retries");
    }
    if (liveness != null && liveness.getInitialDelaySeconds() != null) {
      Steering.Value ks = st.label("kompose.service.healthcheck.readiness.start_period");
      scope.from(ctx, "livenessProbe.initialDelaySeconds", ks != null ? ks.path() : hp.key("start_period"),
          "start_period: failures during start-up do not count; the liveness probe starts after it");
    }
    return new Probes(readiness, liveness);
  }

  /** Provenance of one probe setting: the healthcheck key, a kompose label, or compose's default. */
  private static void field(TranslationContext ctx, Scope probe, String field, boolean set, ModelPath at, Steering st,
      String key, String dflt) {
    Steering.Value v = st.label("kompose.service.healthcheck.readiness." + key);
    if (v != null) probe.from(ctx, field, v.path());
    else if (set) probe.from(ctx, field, at);
    else probe.defaulted(ctx, field, dflt);
  }

  /** CMD runs the words as they are; CMD-SHELL (and a string test) runs through sh -c, as Docker does. */
  static List<String> command(Healthcheck h) {
    List<String> c = h.command();
    if (h.isShell()) {
      List<String> out = new ArrayList<>(List.of("sh", "-c"));
      out.add(c.size() == 1 ? c.get(0) : ShellWords.join(c));
      return out;
    }
    return List.copyOf(c);
  }

  private static int seconds(Duration d, Steering st, String key) {
    Steering.Value v = st.label("kompose.service.healthcheck.readiness." + key);
    Duration x = v != null ? parse(v.text(), d) : d;
    return Durations.seconds(x == null ? DEFAULT : x, 1);
  }

  private static Duration parse(String text, Duration dflt) {
    try {
      return Durations.parse(text);
    } catch (RuntimeException e) {
      return dflt;
    }
  }
}
