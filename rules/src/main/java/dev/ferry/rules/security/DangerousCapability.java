package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code cap_add} item outside the capabilities the Kubernetes Pod Security "baseline" level
 * allows (the Docker default set minus NET_RAW). Reported at the item.
 */
@RuleInfo(
    id = "dangerous-capability",
    summary = "A service adds a Linux capability beyond the Pod Security 'baseline' set (SYS_ADMIN, NET_ADMIN, ALL, ...).",
    remediation = "Drop the capability, or isolate the service in a namespace whose Pod Security level allows it;"
        + " prefer cap_drop: [ALL] plus the few capabilities the process needs.",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class DangerousCapability implements Rule {
  /** What Pod Security "baseline" allows in capabilities.add. */
  static final Set<String> BASELINE = Set.of(
      "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
      "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  /** Why the worst ones are worst. */
  private static final Map<String, String> WHY = Map.ofEntries(
      Map.entry("ALL", "every capability: as good as privileged"),
      Map.entry("SYS_ADMIN", "mount, namespaces, BPF and more: close to privileged"),
      Map.entry("NET_ADMIN", "reconfigures the pod's network, firewall and routes"),
      Map.entry("SYS_PTRACE", "traces and reads the memory of other processes"),
      Map.entry("SYS_MODULE", "loads kernel modules into the host kernel"),
      Map.entry("SYS_RAWIO", "raw access to devices and I/O ports"),
      Map.entry("SYS_BOOT", "reboots the host"),
      Map.entry("SYS_TIME", "sets the host clock"),
      Map.entry("DAC_READ_SEARCH", "bypasses file read permissions (and enables open_by_handle_at escapes)"),
      Map.entry("NET_RAW", "raw sockets: packet spoofing inside the cluster network"),
      Map.entry("BPF", "loads BPF programs"),
      Map.entry("PERFMON", "observes the whole host through perf events"),
      Map.entry("MAC_ADMIN", "changes the host's AppArmor/SELinux policy"),
      Map.entry("MAC_OVERRIDE", "overrides mandatory access control"),
      Map.entry("SYSLOG", "reads the kernel log, including kernel addresses"));

  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (s.security().privileged()) continue; // the privileged rule already says it all
      List<String> caps = s.security().capAdd();
      for (int i = 0; i < caps.size(); i++) {
        String cap = normalise(caps.get(i));
        if (cap.isEmpty() || BASELINE.contains(cap)) continue;
        String why = WHY.get(cap);
        ctx.report(s.path("cap_add").index(i), s.name(),
            "service \"" + s.name() + "\" adds capability " + cap + (why == null ? "" : " (" + why + ")")
                + ": namespaces at the Pod Security 'baseline' or 'restricted' level reject the pod");
      }
    }
  }

  /** {@code cap_sys_admin} and {@code CAP_SYS_ADMIN} are SYS_ADMIN. */
  static String normalise(String cap) {
    String c = cap.trim().toUpperCase(Locale.ROOT);
    return c.startsWith("CAP_") ? c.substring(4) : c;
  }
}
