package dev.ferry.core.translate;

import dev.ferry.core.source.ModelPath;

/**
 * One port of a Kubernetes Service: the port clients use, the container port it forwards to, the
 * protocol (TCP/UDP/SCTP), a unique IANA-style name, where it came from, and, for an inferred
 * port, why (null when declared).
 */
public record PortSpec(int port, int targetPort, String protocol, String name, ModelPath source, String inferred) {}
