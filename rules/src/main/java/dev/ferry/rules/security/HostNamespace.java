package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * {@code network_mode}, {@code pid}, {@code ipc}, {@code uts} or {@code userns_mode} set to
 * {@code host}: the container shares that namespace with the host. Reported at the key.
 */
@RuleInfo(
    id = "host-namespace",
    summary = "A service shares a host namespace (network_mode, pid, ipc, uts or userns_mode: host).",
    remediation = "Remove the host namespace; publish ports (network) or share between services of one pod"
        + " (network_mode: service:X, ipc: service:X) instead.",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class HostNamespace implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      check(ctx, s, "network_mode", s.networking().networkNamespace() instanceof NamespaceMode.Host,
          "uses the host's network stack; on Kubernetes this is hostNetwork: true: the pod binds the node's ports"
              + " and sees its interfaces, and Pod Security 'baseline' forbids it");
      check(ctx, s, "pid", s.security().pidNamespace() instanceof NamespaceMode.Host,
          "sees every process of the host; on Kubernetes this is hostPID: true, forbidden by Pod Security 'baseline'");
      check(ctx, s, "ipc", s.security().ipcNamespace() instanceof NamespaceMode.Host,
          "shares the host's IPC namespace (shared memory); on Kubernetes this is hostIPC: true, forbidden by"
              + " Pod Security 'baseline'");
      check(ctx, s, "uts", isHost(s.security().utsNamespace()),
          "shares the host's hostname (UTS namespace); Kubernetes has no separate field: only hostNetwork: true"
              + " shares it");
      check(ctx, s, "userns_mode", isHost(s.security().userNamespace()),
          "opts out of user-namespace remapping, so root in the container is root on the host; on Kubernetes"
              + " use hostUsers: false to get a user namespace");
    }
  }

  private static void check(RuleContext ctx, Service s, String key, boolean host, String what) {
    if (host) {
      ctx.report(s.path(key), s.name(), "service \"" + s.name() + "\" sets " + key + ": host: it " + what);
    }
  }

  /** {@code uts} and {@code userns_mode} have one value, host; Docker's spelling is not checked here. */
  private static boolean isHost(NamespaceMode mode) {
    return mode != null && mode.written().trim().equalsIgnoreCase("host");
  }
}
