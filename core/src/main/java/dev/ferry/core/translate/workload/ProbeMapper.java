package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.text.ShellWords;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
  private static final String LIVE = "kompose.service.healthcheck.liveness.";
  private static final String READY = "kompose.service.healthcheck.readiness.";

  private ProbeMapper() {}

  public static Probes map(TranslationContext ctx, Service s, Steering st, Scope scope, boolean runsToCompletion,
      List<ContainerPort> ports) {
    Healthcheck h = s.healthcheck();
    Steering.Value kTest = st.label(READY + "test");
    Steering.Value kPath = st.label(READY + "http_get_path");
    Steering.Value kTcp = st.label(READY + "tcp_port");
    boolean labelled = kTest != null || kPath != null || kTcp != null;
    if ((h == null || h.isDisabled()) && !labelled) return new Probes(null, null);
    ModelPath hp = s.path("healthcheck");
    if (!labelled && h.command().isEmpty()) {
      ctx.report("not-translatable", Severity.WARNING, hp, s.name(), "healthcheck of \"" + s.name() + "\" sets no"
          + " test: compose runs the image's own HEALTHCHECK command with these settings, but Kubernetes cannot read"
          + " it from the image, so no probes are emitted; write the test into the compose file");
      return new Probes(null, null);
    }
    if (runsToCompletion) {
      scope.defaulted(ctx, "", "a Job's Pod runs to completion: its healthcheck is not translated to probes");
      return new Probes(null, null);
    }
    int period = seconds(h == null ? null : h.interval(), st, "interval");
    int timeout = seconds(h == null ? null : h.timeout(), st, "timeout");
    int retries = h != null && h.retries() != null ? h.retries() : 3;
    Steering.Value kRetries = st.label(READY + "retries");
    if (kRetries != null) retries = kRetries.asInt(retries);
    retries = Math.max(1, retries);
    Duration start = h != null ? h.startPeriod() : null;
    Steering.Value kStart = st.label(READY + "start_period");
    if (kStart != null) start = parse(kStart.text(), start);

    int first = firstTcpPort(ports);
    ProbeBuilder rb = new ProbeBuilder();
    ModelPath handlerAt;
    String handler;
    Steering.Value kPort = st.label(READY + "http_get_port");
    int labelPort = kPath != null ? (kPort != null ? kPort.asInt(first) : first) : kTcp != null ? kTcp.asInt(first) : 0;
    if ((kPath != null || kTcp != null) && labelPort <= 0) {
      ctx.report("steering-invalid", Severity.WARNING, (kPath != null ? kPath : kTcp).path(), s.name(),
          "the kompose readiness probe label needs a port: set " + READY + (kPath != null ? "http_get_port" : "tcp_port")
              + " to a number or declare the container's ports; the label is not applied");
      kPath = null;
      kTcp = null;
      labelled = kTest != null;
      if (!labelled && (h == null || h.isDisabled() || h.command().isEmpty())) return new Probes(null, null);
    }
    if (kPath != null) {
      rb.withNewHttpGet().withPath(kPath.text()).withNewPort(labelPort).endHttpGet();
      handler = "httpGet";
      handlerAt = kPath.path();
    } else if (kTcp != null) {
      rb.withNewTcpSocket().withNewPort(labelPort).endTcpSocket();
      handler = "tcpSocket";
      handlerAt = kTcp.path();
    } else {
      rb.withNewExec().withCommand(kTest != null ? labelCommand(kTest.text()) : command(h)).endExec();
      handler = "exec";
      handlerAt = kTest != null ? kTest.path() : hp.key("test");
    }
    Probe readiness = rb.withPeriodSeconds(period).withTimeoutSeconds(timeout).withFailureThreshold(retries).build();
    scope.from(ctx, "readinessProbe", labelled ? handlerAt : hp,
        "a healthcheck becomes the readiness probe: failing it takes the Pod out of its Service, as 'unhealthy'"
            + " does in compose");
    Scope r = scope.at("readinessProbe");
    r.from(ctx, handler, handlerAt,
        h != null && h.isShell() && !labelled ? shellReason(ctx, hp) : null);
    timings(ctx, r, h, hp, st);
    Probe startup = StartupProbe.of(ctx, scope, readiness, h, start,
        kStart != null ? kStart.path() : hp.key("start_period"), hp, period, retries);

    Probe liveness = null;
    Steering.Value live = st.get("probes.liveness");
    if (live == null || live.isTrue()) {
      Steering.Value path = st.label(LIVE + "http_get_path");
      Steering.Value port = st.label(LIVE + (path == null ? "tcp_port" : "http_get_port"));
      int p = port != null ? port.asInt(first) : first;
      ProbeBuilder b = new ProbeBuilder();
      if (path != null) b.withNewHttpGet().withPath(path.text()).withNewPort(p).endHttpGet();
      else b.withNewTcpSocket().withNewPort(p).endTcpSocket();
      Probe check = b.build();
      if (Objects.equals(check.getHttpGet(), readiness.getHttpGet())
          && Objects.equals(check.getTcpSocket(), readiness.getTcpSocket())) {
        scope.defaulted(ctx, "readinessProbe", "no livenessProbe: it would be the same check as the readiness probe,"
            + " which restarts a container whenever it is merely not ready");
      } else if (p > 0) {
        b.withPeriodSeconds(period).withTimeoutSeconds(timeout).withFailureThreshold(retries * 3);
        liveness = b.build();
        scope.from(ctx, "livenessProbe", hp,
            "compose never restarts an unhealthy container; this liveness probe only checks that the container"
                + " still accepts connections (3x the retries" + (start != null ? ", after start_period" : "")
                + "), so a container restarts when it hangs, not when its healthcheck fails");
        Scope l = scope.at("livenessProbe");
        String liveHandler = path != null ? "httpGet" : "tcpSocket";
        if (path != null || port != null) l.from(ctx, liveHandler, (path != null ? path : port).path());
        else l.from(ctx, liveHandler, portSource(s, p), "the liveness probe checks the container's first TCP port, " + p);
        timings(ctx, l, h, hp, st);
      } else {
        scope.defaulted(ctx, "readinessProbe", "no livenessProbe: the container has no TCP port to check, and"
            + " re-running the healthcheck would restart containers compose leaves running (the kubelet still"
            + " restarts a container whose process exits)");
      }
    }
    return new Probes(readiness, liveness, startup);
  }

  /** The compose port item that declares TCP port {@code port} (else the ports or expose key). */
  private static ModelPath portSource(Service s, int port) {
    for (dev.ferry.core.model.PortMapping pm : s.ports()) {
      if (pm.target() == port && "tcp".equals(pm.protocolOrTcp()) && pm.path() != null) return pm.path();
    }
    return s.path(s.has("ports") ? "ports" : "expose");
  }

  /** Why the probe runs {@code sh -c}: the test was CMD-SHELL, or one string (which compose also runs in a shell). */
  private static String shellReason(TranslationContext ctx, ModelPath hp) {
    ModelPath first = hp.key("test").index(0);
    boolean list = ctx.sourceMap().has(first)
        && !ctx.sourceMap().position(first).equals(ctx.sourceMap().valuePosition(hp.key("test")));
    return list
        ? "CMD-SHELL runs the command through a shell: sh -c"
        : "a test written as one string runs through a shell (as CMD-SHELL does): sh -c";
  }

  private static void timings(TranslationContext ctx, Scope p, Healthcheck h, ModelPath hp, Steering st) {
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

  /**
   * kompose's readiness.test label, read the way compose reads a {@code test}: a flow list
   * ({@code ["CMD", "curl", "-f", "http://localhost/"]}) or words starting with CMD or CMD-SHELL;
   * any other string runs through a shell.
   */
  static List<String> labelCommand(String text) {
    String t = text.trim();
    List<String> words;
    if (t.startsWith("[") && t.endsWith("]")) {
      words = new ArrayList<>();
      for (String w : t.substring(1, t.length() - 1).split(",")) {
        String x = w.trim();
        if (x.length() >= 2 && (x.startsWith("\"") && x.endsWith("\"") || x.startsWith("'") && x.endsWith("'"))) {
          x = x.substring(1, x.length() - 1);
        }
        if (!x.isEmpty()) words.add(x);
      }
    } else if (t.startsWith("CMD-SHELL ") || t.startsWith("CMD ")) {
      words = new ArrayList<>();
      int sp = t.indexOf(' ');
      words.add(t.substring(0, sp));
      String rest = t.substring(sp + 1).trim();
      if (words.get(0).equals("CMD-SHELL")) words.add(rest);
      else words.addAll(ShellWords.words(rest));
    } else {
      return List.of("sh", "-c", t);
    }
    if (words.isEmpty()) return List.of("sh", "-c", t);
    String kind = words.get(0);
    if (kind.equals("CMD-SHELL")) {
      return List.of("sh", "-c", String.join(" ", words.subList(1, words.size())));
    }
    if (kind.equals("CMD")) return List.copyOf(words.subList(1, words.size()));
    return List.of("sh", "-c", ShellWords.join(words));
  }

  /** Provenance of one probe setting: the healthcheck key, a kompose label, or compose's default. */
  private static void field(TranslationContext ctx, Scope probe, String field, boolean set, ModelPath at, Steering st,
      String key, String dflt) {
    Steering.Value v = st.label(READY + key);
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
