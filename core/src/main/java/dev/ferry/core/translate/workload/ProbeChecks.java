package dev.ferry.core.translate.workload;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe with only its check set (an HTTP GET, a TCP connect or a command), the timings to be
 * set by the caller. Built on the objects, not through a ProbeBuilder, whose construction and build
 * copy every field (one readiness and one liveness probe per service showed in the profile).
 */
final class ProbeChecks {
  private ProbeChecks() {}

  static Probe httpGet(String path, int port) {
    HTTPGetAction get = new HTTPGetAction();
    get.setPath(path);
    get.setPort(new IntOrString(port));
    Probe p = new Probe();
    p.setHttpGet(get);
    return p;
  }

  static Probe tcpSocket(int port) {
    TCPSocketAction tcp = new TCPSocketAction();
    tcp.setPort(new IntOrString(port));
    Probe p = new Probe();
    p.setTcpSocket(tcp);
    return p;
  }

  static Probe exec(List<String> command) {
    ExecAction exec = new ExecAction();
    exec.setCommand(command == null ? null : new ArrayList<>(command));
    Probe p = new Probe();
    p.setExec(exec);
    return p;
  }

  /** Sets the timings on {@code p} and returns it. */
  static Probe timed(Probe p, int period, int timeout, int failureThreshold) {
    p.setPeriodSeconds(period);
    p.setTimeoutSeconds(timeout);
    p.setFailureThreshold(failureThreshold);
    return p;
  }
}
