package dev.ferry.core.translate.network;

import dev.ferry.core.concurrent.OnEveryCore;
import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.HostReferences;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Protocol;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.PortSpec;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadKind;
import dev.ferry.core.translate.WorkloadPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ports of each Pod's Service. Declared ports ({@code ports} targets, {@code expose}) come
 * first; a published port that differs from its target is offered too, so both {@code web:80}
 * (what other containers used) and {@code web:8080} (what people used on the host) keep working.
 * A service that others reach by name but that declares no port gets ports inferred from
 * {@code host:port} references in the dependents' environment, then from its image's well-known
 * port ({@link InferredPorts}).
 */
public final class ServicePorts {
  /** At most this many ports per Service (a 10,000-port RTP range is not a Service). */
  public static final int MAX = 100;

  private ServicePorts() {}

  /**
   * Sets each Pod's Service ports in {@code plan}; from {@code parallelFrom} Services on, they are
   * worked out on every core, each on a fork of {@code ctx} that keeps its findings, joined in order.
   */
  public static void plan(TranslationContext ctx, WorkloadPlan plan, int parallelFrom) {
    Project p = ctx.project();
    Map<String, List<HostReferences.Ref>> refs = references(p);
    Set<String> reachedBy = new LinkedHashSet<>();
    for (Service s : p.services().values()) {
      for (DependsOn d : s.health().dependsOn().values()) {
        if (!DependsOn.COMPLETED.equals(d.condition())) reachedBy.add(d.service());
      }
      for (String link : s.networking().links()) reachedBy.add(link.contains(":") ? link.substring(0, link.indexOf(':')) : link);
    }
    reachedBy.addAll(refs.keySet());
    List<Service> owners = new ArrayList<>();
    for (Service s : p.services().values()) if (plan.kind(s.name()).kind != null) owners.add(s);
    if (owners.size() < parallelFrom) {
      for (Service s : owners) plan.setPorts(s.name(), ports(ctx, plan, s, refs, reachedBy));
      return;
    }
    // each Service's ports are its own: on every core, each on a fork that keeps its findings, joined in order
    record Planned(TranslationContext fork, List<PortSpec> ports) {}
    List<Planned> planned = OnEveryCore.map(owners, s -> {
      TranslationContext f = ctx.fork();
      return new Planned(f, ports(f, plan, s, refs, reachedBy));
    });
    for (int i = 0; i < owners.size(); i++) {
      Service s = owners.get(i);
      // (a fork that reports only always joins; else the service is planned again on ctx)
      List<PortSpec> ports = ctx.join(planned.get(i).fork()) ? planned.get(i).ports() : ports(ctx, plan, s, refs, reachedBy);
      plan.setPorts(s.name(), ports);
    }
  }

  /** The ports of {@code s}'s Service (its Pod's members' declared ports, else inferred ones). */
  private static List<PortSpec> ports(TranslationContext ctx, WorkloadPlan plan, Service s,
      Map<String, List<HostReferences.Ref>> refs, Set<String> reachedBy) {
    Project p = ctx.project();
    List<Service> members = new ArrayList<>();
    members.add(s);
    for (String sc : plan.sidecarsOf(s.name())) members.add(p.service(sc));
    Map<String, PortSpec> out = new LinkedHashMap<>();
    for (Service m : members) declared(ctx, m, out);
    boolean reached = false;
    for (Service m : members) reached |= reachedBy.contains(m.name());
    if (out.isEmpty() && hasName(plan, s)) InferredPorts.infer(ctx, s, members, refs, out, reached);
    else if (hasName(plan, s)) InferredPorts.referenced(ctx, s, members, refs, out);
    // (the "overflow" marker of add() is null: not a port)
    List<PortSpec> ports = new ArrayList<>(out.size());
    for (PortSpec ps : out.values()) if (ps != null) ports.add(ps);
    return ports;
  }

  /** Host references in every service's environment, by the service (name) they point at. */
  static Map<String, List<HostReferences.Ref>> references(Project p) {
    Map<String, String> byHost = new LinkedHashMap<>();
    for (Service s : p.services().values()) byHost.put(s.name().toLowerCase(Locale.ROOT), s.name());
    for (Service s : p.services().values()) {
      for (String a : WorkloadPlan.aliases(p, s)) byHost.putIfAbsent(a, s.name());
    }
    Map<String, List<HostReferences.Ref>> out = new LinkedHashMap<>();
    // scanning each service's environment is the costly part: once per project, on every core, shared with lint
    Map<Service, List<HostReferences.Ref>> refs = HostReferences.ofEach(p);
    for (Service s : p.services().values()) {
      for (HostReferences.Ref r : refs.get(s)) {
        String host = r.host().toLowerCase(Locale.ROOT);
        String target = byHost.get(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        if (target != null && !target.equals(s.name())) out.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static void declared(TranslationContext ctx, Service s, Map<String, PortSpec> out) {
    for (PortMapping pm : s.networking().ports()) {
      String proto = pm.transport().kube();
      add(ctx, s, out, pm.target(), pm.target(), proto, pm.name(), pm.path(), null);
      int pub = pm.publishedStart();
      if (pub > 0 && !pm.published().contains("-") && pub != pm.target()) {
        add(ctx, s, out, pub, pm.target(), proto, null, pm.path(), null);
      }
    }
    for (int i = 0; i < s.networking().expose().size(); i++) {
      String e = s.networking().expose().get(i).trim();
      String proto = "TCP";
      int slash = e.indexOf('/');
      if (slash >= 0) {
        proto = proto(e.substring(slash + 1));
        e = e.substring(0, slash);
      }
      int[] r = range(e);
      for (int port = r[0]; port <= r[1] && port > 0; port++) {
        add(ctx, s, out, port, port, proto, null, s.path("expose").index(i), null);
      }
    }
  }

  /**
   * Whether compose gives {@code s} a name on the project network that other containers resolve:
   * every long-running service except those on the host's or no network. Jobs get no Service.
   */
  public static boolean hasName(WorkloadPlan plan, Service s) {
    WorkloadKind k = plan.kind(s.name());
    if (k == WorkloadKind.JOB || k == WorkloadKind.CRONJOB || k == WorkloadKind.SIDECAR) return false;
    NamespaceMode net = s.networking().networkNamespace();
    return !(net instanceof NamespaceMode.Host || net instanceof NamespaceMode.None);
  }

  static boolean add(TranslationContext ctx, Service s, Map<String, PortSpec> out, int port, int target,
      String proto, String name, ModelPath src, String inferred) {
    String key = port + "/" + proto;
    if (out.containsKey(key)) return false;
    if (out.size() >= MAX) {
      if (out.size() == MAX) {
        ctx.report("not-translatable", Severity.WARNING, src, s.name(),
            "service \"" + s.name() + "\" has more than " + MAX + " ports; the Service keeps the first " + MAX);
        out.put("overflow", null);
      }
      return false;
    }
    out.put(key, new PortSpec(port, target, proto, portName(name, port, proto, out), src, inferred));
    return true;
  }

  /** An IANA-style port name (lower-case, 1-15 chars, a letter, no "--"), unique in the Service. */
  static String portName(String wanted, int port, String proto, Map<String, PortSpec> taken) {
    if (wanted != null) {
      Set<String> used = new LinkedHashSet<>();
      for (PortSpec p : taken.values()) if (p != null) used.add(p.name());
      String w = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
          .replaceAll("^-|-$", "");
      if (w.length() > 15) w = w.substring(0, 15).replaceAll("-$", "");
      if (!w.isEmpty() && w.matches(".*[a-z].*") && !used.contains(w)) return w;
    }
    String n = proto.toLowerCase(Locale.ROOT) + "-" + port;
    return n;
  }

  static String proto(String p) {
    Protocol known = Protocol.parse(p);
    return known == null ? Protocol.TCP.kube() : known.kube();
  }

  private static int[] range(String e) {
    try {
      int dash = e.indexOf('-');
      if (dash > 0) return new int[] {Integer.parseInt(e.substring(0, dash).trim()), Integer.parseInt(e.substring(dash + 1).trim())};
      int v = Integer.parseInt(e.trim());
      return new int[] {v, v};
    } catch (NumberFormatException ex) {
      return new int[] {0, -1};
    }
  }
}
