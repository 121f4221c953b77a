package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.util.List;

/**
 * {@code healthcheck} to probes. The readiness probe is the healthcheck itself: like compose's
 * "unhealthy", a failing readiness probe takes the Pod out of its Service but never restarts it,
 * and {@code depends_on: service_healthy} waits on exactly that readiness.
 *
 * <p>Compose never restarts an unhealthy container. A liveness probe that re-ran the healthcheck
 * would restart containers compose leaves alone, and an identical readiness/liveness pair is what
 * kube-score rates critical. So the liveness probe asks a weaker question: does the container
 * still accept TCP connections on its first port (3x the failure tolerance)? {@code start_period}
 * becomes a startup probe ({@link StartupProbe}): both begin after it succeeds. A container with no TCP port gets no liveness probe (the kubelet still
 * restarts it when its process exits). kompose's {@code liveness.tcp_port} /
 * {@code liveness.http_get_path} / {@code liveness.http_get_port} labels choose the check;
 * {@code x-ferry.probes.liveness: false} omits it. Defaults are compose's: interval 30s,
 * timeout 30s, retries 3.
 */
public final class ProbeMapper {
  public record Probes(Probe readiness, Probe liveness, Probe startup) {
    Probes(Probe readiness, Probe liveness) {
      this(readiness, liveness, null);
    }
  }

  private static final Duration DEFAULT = Duration.ofSeconds(30);
  private static final String READY = ReadinessLabels.READY;

  private ProbeMapper() {}

  public static Probes map(TranslationContext ctx, Service s, Steering st, Scope scope, boolean runsToCompletion,
      List<ContainerPort> ports) {
    Input in = new Input(ctx, s, st, s.health().healthcheck(), s.path("healthcheck"));
    ReadinessLabels labels = ReadinessLabels.of(st);
    if (!hasCheck(in, labels)) return new Probes(null, null);
    if (runsToCompletion) {
      scope.defaulted(ctx, "", "a Job's Pod runs to completion: its healthcheck is not translated to probes");
      return new Probes(null, null);
    }
    int first = firstTcpPort(ports);
    labels = usableLabels(in, labels, first);
    if (!labels.any() && !in.hasTest()) return new Probes(null, null);
    Timings t = Timings.of(in);
    Probe readiness = readiness(in, scope, labels, first, t);
    Probe startup = StartupProbe.of(ctx, scope, readiness, in.h(), t.start(), t.startAt(), in.hp(), t.period(), t.retries());
    Probe liveness = LivenessProbe.of(ctx, s, st, in.h(), in.hp(), scope, readiness, first, t.period(), t.timeout(),
        t.retries(), t.start() != null);
    return new Probes(readiness, liveness, startup);
  }

  /** One service's healthcheck ({@code h}, null when it has none, at {@code hp}) and its steering. */
  private record Input(TranslationContext ctx, Service s, Steering st, Healthcheck h, ModelPath hp) {
    boolean hasTest() {
      return h != null && !h.isDisabled() && !h.command().isEmpty();
    }
  }

  /** The readiness timings: the healthcheck's, unless a kompose label sets them; compose's defaults otherwise. */
  private record Timings(int period, int timeout, int retries, Duration start, ModelPath startAt) {
    static Timings of(Input in) {
      Healthcheck h = in.h();
      int retries = h != null && h.retries() != null ? h.retries() : 3;
      Steering.Value kRetries = in.st().label(READY + "retries");
      if (kRetries != null) retries = kRetries.asInt(retries);
      Duration start = h != null ? h.startPeriod() : null;
      Steering.Value kStart = in.st().label(READY + "start_period");
      if (kStart != null) start = parse(kStart.text(), start);
      return new Timings(seconds(h == null ? null : h.interval(), in.st(), "interval"),
          seconds(h == null ? null : h.timeout(), in.st(), "timeout"), Math.max(1, retries), start,
          kStart != null ? kStart.path() : in.hp().key("start_period"));
    }
  }

  /** The readiness check as a probe without timings, the probe field it sets, and the compose line that chose it. */
  private record Check(Probe probe, String field, ModelPath at) {}

  /**
   * Whether there is anything to probe: a kompose readiness label, or a healthcheck with a test. A
   * healthcheck without a test is reported: its command is in the image, which Kubernetes cannot read.
   */
  private static boolean hasCheck(Input in, ReadinessLabels labels) {
    if (labels.any()) return true;
    if (in.h() == null || in.h().isDisabled()) return false;
    if (!in.h().command().isEmpty()) return true;
    in.ctx().report("not-translatable", Severity.WARNING, in.hp(), in.s().name(), "healthcheck of \"" + in.s().name()
        + "\" sets no test: compose runs the image's own HEALTHCHECK command with these settings, but Kubernetes"
        + " cannot read it from the image, so no probes are emitted; write the test into the compose file");
    return false;
  }

  /** The labels that apply: an HTTP or TCP label without a port to check is reported and left out. */
  private static ReadinessLabels usableLabels(Input in, ReadinessLabels labels, int first) {
    if (!labels.checksSocket() || labels.port(first) > 0) return labels;
    boolean http = labels.httpPath() != null;
    in.ctx().report("steering-invalid", Severity.WARNING, (http ? labels.httpPath() : labels.tcpPort()).path(),
        in.s().name(), "the kompose readiness probe label needs a port: set " + READY + (http ? "http_get_port" : "tcp_port")
            + " to a number or declare the container's ports; the label is not applied");
    return new ReadinessLabels(labels.test(), null, null, null);
  }

  /** The readiness probe (the healthcheck, or the check the labels choose) and its provenance. */
  private static Probe readiness(Input in, Scope scope, ReadinessLabels labels, int first, Timings t) {
    Check check = readinessCheck(in, labels, first);
    Probe readiness = ProbeChecks.timed(check.probe(), t.period(), t.timeout(), t.retries());
    scope.from(in.ctx(), "readinessProbe", labels.any() ? check.at() : in.hp(),
        "a healthcheck becomes the readiness probe: failing it takes the Pod out of its Service, as 'unhealthy'"
            + " does in compose");
    Scope r = scope.at("readinessProbe");
    boolean shell = in.h() != null && in.h().isShell() && !labels.any();
    r.from(in.ctx(), check.field(), check.at(), shell ? HealthCommand.shellReason(in.ctx(), in.hp()) : null);
    timings(in.ctx(), r, in.h(), in.hp(), in.st());
    return readiness;
  }

  /** An httpGet or tcpSocket label, else the test label, else the healthcheck's test. */
  private static Check readinessCheck(Input in, ReadinessLabels labels, int first) {
    if (labels.httpPath() != null) {
      return new Check(ProbeChecks.httpGet(labels.httpPath().text(), labels.port(first)), "httpGet", labels.httpPath().path());
    }
    if (labels.tcpPort() != null) return new Check(ProbeChecks.tcpSocket(labels.port(first)), "tcpSocket", labels.tcpPort().path());
    if (labels.test() != null) {
      return new Check(ProbeChecks.exec(HealthCommand.labelCommand(labels.test().text())), "exec", labels.test().path());
    }
    return new Check(ProbeChecks.exec(HealthCommand.command(in.h())), "exec", in.hp().key("test"));
  }

  static void timings(TranslationContext ctx, Scope p, Healthcheck h, ModelPath hp, Steering st) {
    field(ctx, p, "periodSeconds", h != null && h.interval() != null, hp.key("interval"), st, "interval",
        "compose's default interval is 30s");
    field(ctx, p, "timeoutSeconds", h != null && h.timeout() != null, hp.key("timeout"), st, "timeout",
        "compose's default timeout is 30s");
    field(ctx, p, "failureThreshold", h != null && h.retries() != null, hp.key("retries"), st, "retries",
        "compose's default is 3 retries");
  }

  private static int firstTcpPort(List<ContainerPort> ports) {
    for (ContainerPort cp : ports) {
      if (cp.getContainerPort() != null && (cp.getProtocol() == null || cp.getProtocol().equals("TCP"))) {
        return cp.getContainerPort();
      }
    }
    return 0;
  }

  /** Provenance of one probe setting: the healthcheck key, a kompose label, or compose's default. */
  private static void field(TranslationContext ctx, Scope probe, String field, boolean set, ModelPath at, Steering st,
      String key, String dflt) {
    Steering.Value v = st.label(READY + key);
    if (v != null) probe.from(ctx, field, v.path());
    else if (set) probe.from(ctx, field, at);
    else probe.defaulted(ctx, field, dflt);
  }

  private static int seconds(Duration d, Steering st, String key) {
    Steering.Value v = st.label(READY + key);
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
