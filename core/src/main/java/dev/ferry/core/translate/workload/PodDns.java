package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How a Pod resolves names: its hostname, extra_hosts → hostAliases, dns* → dnsConfig. */
final class PodDns {
  private PodDns() {}

  /** The owner's hostname, when it is a DNS-1123 label; otherwise the Pod keeps its generated one (reported). */
  static void hostname(TranslationContext ctx, Service owner, PodSpec b, Scope spec) {
    String hostname = owner.networking().hostname();
    if (hostname == null) return;
    if (Naming.isLabel(hostname) || hostname.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      b.setHostname(hostname);
      spec.from(ctx, "hostname", owner.path("hostname"));
    } else {
      ctx.report("not-translatable", Severity.WARNING, owner.path("hostname"), owner.name(),
          "hostname \"" + hostname + "\" is not a DNS-1123 label; the Pod keeps its generated hostname");
    }
  }

  /** extra_hosts of every member → hostAliases grouped by address; host-gateway is reported and left out. */
  static void hostAliases(TranslationContext ctx, List<Service> members, PodSpec b, Scope spec) {
    Map<String, List<String>> byIp = new TreeMap<>();
    for (Service m : members) {
      for (Map.Entry<String, List<String>> e : m.networking().extraHosts().entrySet()) {
        for (String ip : e.getValue()) {
          if (ip.equals("host-gateway")) {
            ctx.report("not-translatable", Severity.WARNING, m.path("extra_hosts").key(e.getKey()), m.name(),
                "extra_hosts " + e.getKey() + ":host-gateway points at the Docker host; a Pod has no such host, so"
                    + " the entry is left out (use a Service or the node's address)");
            continue;
          }
          List<String> names = byIp.computeIfAbsent(ip, k -> new ArrayList<>());
          if (!names.contains(e.getKey())) names.add(e.getKey());
        }
      }
    }
    if (byIp.isEmpty()) return;
    List<HostAlias> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byIp.entrySet()) out.add(new HostAlias(e.getValue(), e.getKey()));
    b.setHostAliases(out);
    spec.from(ctx, "hostAliases", members.get(0).path("extra_hosts"));
  }

  /** dns, dns_search, dns_opt → a dnsConfig added to the cluster DNS. */
  static void dns(Service s, PodSpec b, TranslationContext ctx, Scope spec) {
    Service.Networking net = s.networking();
    if (net.dns().isEmpty() && net.dnsSearch().isEmpty() && net.dnsOpt().isEmpty()) return;
    List<PodDNSConfigOption> opts = new ArrayList<>();
    for (String o : net.dnsOpt()) {
      int c = o.indexOf(':');
      opts.add(c > 0 ? new PodDNSConfigOption(o.substring(0, c), o.substring(c + 1)) : new PodDNSConfigOption(o, null));
    }
    PodDNSConfig dns = new PodDNSConfig();
    dns.setNameservers(net.dns().isEmpty() ? null : new ArrayList<>(net.dns()));
    dns.setSearches(net.dnsSearch().isEmpty() ? null : new ArrayList<>(net.dnsSearch()));
    dns.setOptions(opts.isEmpty() ? null : opts);
    b.setDnsConfig(dns);
    spec.from(ctx, "dnsConfig", s.path(!net.dns().isEmpty() ? "dns" : !net.dnsSearch().isEmpty() ? "dns_search" : "dns_opt"),
        "added to the cluster DNS (dnsPolicy ClusterFirst), so service names keep resolving");
  }
}
