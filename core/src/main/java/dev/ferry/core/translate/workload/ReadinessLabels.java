package dev.ferry.core.translate.workload;

import dev.ferry.core.translate.Steering;

/** kompose's readiness labels that replace the healthcheck's test: a command, an HTTP GET, a TCP check. */
record ReadinessLabels(Steering.Value test, Steering.Value httpPath, Steering.Value httpPort, Steering.Value tcpPort) {
  /** The prefix of kompose's readiness labels. */
  static final String READY = "kompose.service.healthcheck.readiness.";

  static ReadinessLabels of(Steering st) {
    return new ReadinessLabels(st.label(READY + "test"), st.label(READY + "http_get_path"),
        st.label(READY + "http_get_port"), st.label(READY + "tcp_port"));
  }

  boolean any() {
    return test != null || httpPath != null || tcpPort != null;
  }

  boolean checksSocket() {
    return httpPath != null || tcpPort != null;
  }

  /** The port an HTTP or TCP label checks (default: the first TCP port); 0 without such a label. */
  int port(int first) {
    if (httpPath != null) return httpPort != null ? httpPort.asInt(first) : first;
    return tcpPort != null ? tcpPort.asInt(first) : 0;
  }
}
