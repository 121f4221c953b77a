package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Protocol;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.Objects;

/**
 * The liveness probe: not the healthcheck (compose never restarts an unhealthy container) but a
 * check that the container still accepts TCP connections on its first port, or the check kompose's
 * liveness labels choose, with 3x the readiness failure tolerance.
 */
final class LivenessProbe {
  private static final String LIVE = "kompose.service.healthcheck.liveness.";

  private LivenessProbe() {}

  /** kompose's liveness labels: an HTTP GET path (else a TCP check) and the port to check. */
  private record LivenessLabels(Steering.Value path, Steering.Value port) {
    static LivenessLabels of(Steering st) {
      Steering.Value path = st.label(LIVE + "http_get_path");
      return new LivenessLabels(path, st.label(LIVE + (path == null ? "tcp_port" : "http_get_port")));
    }

    String field() {
      return path != null ? "httpGet" : "tcpSocket";
    }

    /** The label that chose the check, or null when the check is on the first TCP port. */
    Steering.Value source() {
      return path != null ? path : port;
    }

    Probe check(int p) {
      return path != null ? ProbeChecks.httpGet(path.text(), p) : ProbeChecks.tcpSocket(p);
    }
  }

  /**
   * The liveness probe: a TCP (or labelled HTTP) check with 3x the retries, or null when
   * {@code x-ferry.probes.liveness} is false, when it would repeat the readiness check, or when there
   * is no TCP port to check.
   */
  static Probe of(TranslationContext ctx, Service s, Steering st, Healthcheck h, ModelPath hp, Scope scope, Probe readiness,
      int first, int period, int timeout, int retries, boolean afterStart) {
    Steering.Value live = st.get("probes.liveness");
    if (live != null && !live.isTrue()) return null;
    LivenessLabels labels = LivenessLabels.of(st);
    int p = labels.port() != null ? labels.port().asInt(first) : first;
    Probe b = labels.check(p);
    if (sameCheck(b, readiness)) {
      scope.defaulted(ctx, "readinessProbe", "no livenessProbe: it would be the same check as the readiness"
          + " probe, which restarts a container whenever it is merely not ready");
      return null;
    }
    if (p <= 0) {
      scope.defaulted(ctx, "readinessProbe", "no livenessProbe: the container has no TCP port to check, and"
          + " re-running the healthcheck would restart containers compose leaves running (the kubelet still"
          + " restarts a container whose process exits)");
      return null;
    }
    Probe liveness = ProbeChecks.timed(b, period, timeout, retries * 3);
    provenance(ctx, s, st, h, hp, scope, labels, p, afterStart);
    return liveness;
  }

  private static boolean sameCheck(Probe a, Probe b) {
    return Objects.equals(a.getHttpGet(), b.getHttpGet()) && Objects.equals(a.getTcpSocket(), b.getTcpSocket());
  }

  /** Why the liveness probe exists, and where its check comes from: a kompose label, or the first TCP port. */
  private static void provenance(TranslationContext ctx, Service s, Steering st, Healthcheck h, ModelPath hp, Scope scope,
      LivenessLabels labels, int port, boolean afterStart) {
    scope.from(ctx, "livenessProbe", hp,
        "compose never restarts an unhealthy container; this liveness probe only checks that the container"
            + " still accepts connections (3x the retries" + (afterStart ? ", after start_period" : "")
            + "), so a container restarts when it hangs, not when its healthcheck fails");
    Scope l = scope.at("livenessProbe");
    if (labels.source() != null) l.from(ctx, labels.field(), labels.source().path());
    else l.from(ctx, labels.field(), portSource(s, port), "the liveness probe checks the container's first TCP port, " + port);
    ProbeMapper.timings(ctx, l, h, hp, st);
  }

  /** The compose port item that declares TCP port {@code port} (else the ports or expose key). */
  private static ModelPath portSource(Service s, int port) {
    for (PortMapping pm : s.networking().ports()) {
      if (pm.target() == port && pm.transport() == Protocol.TCP && pm.path() != null) return pm.path();
    }
    return s.path(s.has("ports") ? "ports" : "expose");
  }
}
