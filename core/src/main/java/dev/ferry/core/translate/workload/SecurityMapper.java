package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * user, privileged, cap_add/cap_drop, read_only, security_opt and sysctls. Defaults that keep
 * compose's meaning and harden where compose says nothing: seccomp RuntimeDefault (what Docker
 * applies by default) and allowPrivilegeEscalation false, unless the service is privileged, adds
 * SYS_ADMIN/ALL (Kubernetes rejects the combination) or sets {@code no-new-privileges:false}.
 */
public final class SecurityMapper {
  private SecurityMapper() {}

  public static SecurityContext container(TranslationContext ctx, Service s, Scope scope) {
    SecurityContextBuilder b = new SecurityContextBuilder();
    List<String> add = caps(s.security().capAdd());
    List<String> drop = caps(s.security().capDrop());
    if (!add.isEmpty() || !drop.isEmpty()) {
      b.withNewCapabilities().withAdd(add.isEmpty() ? null : add).withDrop(drop.isEmpty() ? null : drop).endCapabilities();
      scope.from(ctx, "securityContext.capabilities", s.path(s.has("cap_add") ? "cap_add" : "cap_drop"));
    }
    if (s.security().privileged()) {
      b.withPrivileged(true);
      scope.from(ctx, "securityContext.privileged", s.path("privileged"));
    }
    if (s.security().readOnly()) {
      b.withReadOnlyRootFilesystem(true);
      scope.from(ctx, "securityContext.readOnlyRootFilesystem", s.path("read_only"));
    }
    boolean escalationAsked = s.security().privileged() || add.contains("SYS_ADMIN") || add.contains("ALL");
    for (String opt : s.security().securityOpt()) {
      String o = opt.replace('=', ':').toLowerCase(Locale.ROOT);
      if (o.equals("no-new-privileges:false")) escalationAsked = true;
    }
    if (!escalationAsked) {
      b.withAllowPrivilegeEscalation(false);
      if (s.security().securityOpt().stream().anyMatch(o -> o.startsWith("no-new-privileges"))) {
        scope.from(ctx, "securityContext.allowPrivilegeEscalation", s.path("security_opt"));
      } else {
        scope.defaulted(ctx, "securityContext.allowPrivilegeEscalation",
            "a change of behaviour: Docker allows privilege escalation unless no-new-privileges is set; ferry forbids it"
                + " (setuid binaries such as sudo or su cannot gain privileges; add security_opt no-new-privileges:false if the app needs them)");
      }
    }
    user(ctx, s, b, scope);
    options(ctx, s, b, scope);
    return b.build();
  }

  /**
   * Sysctls every kubelet allows (namespaced and isolated per Pod): the safe set of Kubernetes
   * 1.29+ (docs: "Using sysctls in a Kubernetes Cluster"). Any other is rejected unless allowed.
   */
  public static final Set<String> SAFE_SYSCTLS = Set.of(
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes");

  /** The Pod-level context: seccomp profile and sysctls. */
  public static PodSecurityContext pod(TranslationContext ctx, Service s, Scope scope) {
    PodSecurityContextBuilder b = new PodSecurityContextBuilder();
    String seccomp = "RuntimeDefault";
    for (String opt : s.security().securityOpt()) {
      String o = opt.replace('=', ':');
      if (o.equalsIgnoreCase("seccomp:unconfined")) seccomp = "Unconfined";
    }
    b.withNewSeccompProfile().withType(seccomp).endSeccompProfile();
    if (seccomp.equals("Unconfined")) scope.from(ctx, "securityContext.seccompProfile", s.path("security_opt"));
    else scope.defaulted(ctx, "securityContext.seccompProfile", "Docker applies its default seccomp profile; RuntimeDefault is the container runtime's default profile:"
        + " similar, not the same (a syscall Docker allows may be blocked)");
    if (!s.security().sysctls().isEmpty()) {
      List<Sysctl> out = new ArrayList<>();
      for (Map.Entry<String, String> e : s.security().sysctls().entrySet()) {
        out.add(new Sysctl(e.getKey(), e.getValue()));
        if (!SAFE_SYSCTLS.contains(e.getKey())) {
          ctx.report("unsafe-sysctl", Severity.WARNING, s.path("sysctls").key(e.getKey()), s.name(),
              "sysctl " + e.getKey() + " is not in Kubernetes' safe set: the kubelet rejects the Pod"
                  + " (SysctlForbidden) unless the node allows it with --allowed-unsafe-sysctls");
        }
      }
      b.withSysctls(out);
      scope.from(ctx, "securityContext.sysctls", s.path("sysctls"),
          "sysctls outside Kubernetes' safe set must be allowed on the kubelet (--allowed-unsafe-sysctls)");
    }
    return b.build();
  }

  private static void user(TranslationContext ctx, Service s, SecurityContextBuilder b, Scope scope) {
    if (s.security().user() == null || s.security().user().isBlank()) return;
    String[] parts = s.security().user().trim().split(":", 2);
    Long uid = id(parts[0]);
    Long gid = parts.length > 1 ? id(parts[1]) : null;
    if (uid != null) {
      b.withRunAsUser(uid);
      scope.from(ctx, "securityContext.runAsUser", s.path("user"));
    }
    if (gid != null) {
      b.withRunAsGroup(gid);
      scope.from(ctx, "securityContext.runAsGroup", s.path("user"));
    }
    if (uid == null || (parts.length > 1 && gid == null)) {
      ctx.report("named-user", Severity.WARNING, s.path("user"), s.name(),
          "user \"" + s.security().user() + "\" is a name; Kubernetes runAsUser/runAsGroup take numeric ids, so the image's"
              + " default user applies: use the numeric uid[:gid]");
    }
  }

  private static Long id(String p) {
    if (p.equals("root")) return 0L;
    try {
      return Long.parseLong(p.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void options(TranslationContext ctx, Service s, SecurityContextBuilder b, Scope scope) {
    for (int i = 0; i < s.security().securityOpt().size(); i++) {
      String opt = s.security().securityOpt().get(i).replace('=', ':');
      ModelPath at = s.path("security_opt").index(i);
      String lower = opt.toLowerCase(Locale.ROOT);
      if (lower.startsWith("no-new-privileges") || lower.equals("seccomp:unconfined")) continue;
      if (lower.startsWith("apparmor:")) {
        String prof = opt.substring("apparmor:".length());
        if (prof.equals("unconfined")) b.withNewAppArmorProfile().withType("Unconfined").endAppArmorProfile();
        else b.withNewAppArmorProfile().withType("Localhost").withLocalhostProfile(prof).endAppArmorProfile();
        scope.from(ctx, "securityContext.appArmorProfile", at);
      } else if (lower.startsWith("label:") && opt.split(":").length == 3) {
        String[] kv = opt.split(":");
        switch (kv[1]) {
          case "user" -> b.editOrNewSeLinuxOptions().withUser(kv[2]).endSeLinuxOptions();
          case "role" -> b.editOrNewSeLinuxOptions().withRole(kv[2]).endSeLinuxOptions();
          case "type" -> b.editOrNewSeLinuxOptions().withType(kv[2]).endSeLinuxOptions();
          case "level" -> b.editOrNewSeLinuxOptions().withLevel(kv[2]).endSeLinuxOptions();
          default -> notTranslatable(ctx, s, at, opt);
        }
        scope.from(ctx, "securityContext.seLinuxOptions", at);
      } else {
        notTranslatable(ctx, s, at, opt);
      }
    }
  }

  private static void notTranslatable(TranslationContext ctx, Service s, ModelPath at, String opt) {
    ctx.report("not-translatable", Severity.WARNING, at, s.name(),
        "security_opt \"" + opt + "\" has no Kubernetes equivalent ferry can emit; it is not applied");
  }

  private static List<String> caps(List<String> in) {
    List<String> out = new ArrayList<>();
    for (String c : in) {
      String u = c.trim().toUpperCase(Locale.ROOT);
      if (u.startsWith("CAP_")) u = u.substring(4);
      if (!u.isEmpty() && !out.contains(u)) out.add(u);
    }
    return out;
  }
}
