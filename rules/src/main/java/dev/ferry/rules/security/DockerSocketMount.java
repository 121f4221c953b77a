package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/**
 * A mount of a container-runtime socket ({@code /var/run/docker.sock}, rootless and Docker Desktop
 * sockets, podman's, containerd's and CRI-O's, the Windows {@code docker_engine} pipe; see
 * RuntimeSockets), in short or long syntax. Reported by the conversion, which does not mount it, so
 * lint and convert say the same thing.
 */
@RuleInfo(
    id = "docker-socket-mount",
    summary = "A service mounts the Docker (or another container runtime's) socket.",
    remediation = "Do not mount the socket. Use the Kubernetes API with a narrowly scoped ServiceAccount,"
        + " or a rootless builder (kaniko, buildkit) for image builds.",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class DockerSocketMount extends DiagnosticRule {}
