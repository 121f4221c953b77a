package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Plan;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.translate.storage.FileObjects;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod template for a service and its sidecars (services with {@code network_mode: service:X}
 * share X's network namespace, which is exactly what a Pod is). Pod-level keys: host namespaces,
 * hostname, extra_hosts → hostAliases, dns* → dnsConfig, stop_grace_period, placement constraints
 * and platform → nodeSelector, labels → annotations, dependency waits; no service-account token.
 */
public final class PodMapper {
  private static final Pattern CONSTRAINT = Pattern.compile("\\s*([\\w.-]+)\\s*(==|!=)\\s*(\\S+)\\s*");
  private static final Pattern ANNOTATION_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)");

  private PodMapper() {}

  public static PodTemplateSpec map(TranslationContext ctx, Plan plan, Service owner, Storage storage,
      FileObjects files, Scope scope, String restartPolicy) {
    String podName = ctx.naming().of(owner.name());
    List<Service> members = new ArrayList<>();
    members.add(owner);
    for (String sc : plan.sidecarsOf(owner.name())) members.add(ctx.project().service(sc));
    Scope spec = scope.at("spec");
    PodVolumes vols = new PodVolumes();
    List<Container> containers = new ArrayList<>();
    for (Service m : members) {
      Scope cs = spec.at("containers[" + containers.size() + "]");
      containers.add(ContainerMapper.map(ctx, plan, m, podName, storage, files, vols, cs));
      if (m != owner) {
        cs.from(ctx, "", m.path("network_mode"), "network_mode: service:" + owner.name()
            + " shares " + owner.name() + "'s network namespace: on Kubernetes, a second container in its Pod");
      }
    }
    DependencyWaits.Waits waits = DependencyWaits.map(ctx, plan, members, podName, spec);
    List<Container> inits = new ArrayList<>(waits.initContainers());
    for (int i = 0; i < members.size(); i++) {
      inits.addAll(PreStartMapper.map(ctx, members.get(i), containers.get(i), spec, inits.size(), owner.replicas()));
    }
    Container komposeInit = KomposePod.initContainer(ctx, owner, plan.steering(owner.name()), spec, inits.size());
    if (komposeInit != null) inits.add(komposeInit);
    PodSpecBuilder b = new PodSpecBuilder().withContainers(containers);
    if (!inits.isEmpty()) b.withInitContainers(inits);
    b.withAutomountServiceAccountToken(false);
    spec.defaulted(ctx, "automountServiceAccountToken", "compose containers have no Kubernetes API token; neither do these Pods");
    if (waits.serviceAccount() != null) b.withServiceAccountName(waits.serviceAccount());
    if (waits.serviceAccount() != null) {
      spec.defaulted(ctx, "serviceAccountName", "the initContainer that waits for a Job (service_completed_successfully)"
          + " needs a token that may read Jobs; only that initContainer mounts it");
    }
    List<Volume> volumes = new ArrayList<>();
    List<ModelPath> sources = vols.sources();
    List<Volume> all = vols.all();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == null) continue;
      volumes.add(all.get(i));
      spec.from(ctx, "volumes[" + (volumes.size() - 1) + "]", sources.get(i));
    }
    if (waits.tokenVolume() != null) {
      volumes.add(waits.tokenVolume());
      spec.defaulted(ctx, "volumes[" + (volumes.size() - 1) + "]", "a short-lived service-account token for the"
          + " initContainer that waits for a Job; the app containers get none");
    }
    if (!volumes.isEmpty()) b.withVolumes(volumes);
    if (restartPolicy != null) {
      b.withRestartPolicy(restartPolicy);
      if (restartPolicy.equals("Never")) spec.from(ctx, "restartPolicy", owner.path("restart"),
          "restart: \"no\": a failed run's container is not restarted in place (the Job may start a new Pod, up to"
              + " its backoffLimit)");
      else spec.defaulted(ctx, "restartPolicy", "a Job's Pod must not restart forever: OnFailure retries a failed run"
          + " up to the Job's backoffLimit");
    }
    hostNamespaces(ctx, members, b, spec);
    if (owner.hostname() != null) {
      if (Naming.isLabel(owner.hostname()) || owner.hostname().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        b.withHostname(owner.hostname());
        spec.from(ctx, "hostname", owner.path("hostname"));
      } else {
        ctx.report("not-translatable", Severity.WARNING, owner.path("hostname"), owner.name(),
            "hostname \"" + owner.hostname() + "\" is not a DNS-1123 label; the Pod keeps its generated hostname");
      }
    }
    hostAliases(ctx, members, b, spec);
    dns(owner, b, ctx, spec);
    long grace = -1;
    for (Service m : members) {
      if (m.stopGracePeriod() != null) grace = Math.max(grace, Durations.seconds(m.stopGracePeriod(), 0));
    }
    if (grace >= 0) {
      b.withTerminationGracePeriodSeconds(grace);
      spec.from(ctx, "terminationGracePeriodSeconds", owner.path("stop_grace_period"));
    }
    List<NodeSelectorRequirement> notIn = new ArrayList<>();
    Map<String, String> nodeSelector = nodeSelector(ctx, owner, spec, notIn);
    if (!nodeSelector.isEmpty()) b.withNodeSelector(nodeSelector);
    if (!notIn.isEmpty()) {
      b.withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm().withMatchExpressions(notIn).endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity();
    }
    List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> spread = SpreadMapper.map(ctx, owner, podName, spec);
    if (!spread.isEmpty()) b.withTopologySpreadConstraints(spread);
    Steering.Value secret = plan.steering(owner.name()).get("imagePullSecret");
    if (secret != null) {
      b.addNewImagePullSecret(secret.text());
      spec.from(ctx, "imagePullSecrets", secret.path());
    }
    io.fabric8.kubernetes.api.model.PodSecurityContext psc = SecurityMapper.pod(ctx, owner, spec);
    List<Long> groups = groups(ctx, members, spec);
    if (!groups.isEmpty()) psc.setSupplementalGroups(groups);
    KomposePod.fsGroup(ctx, owner, plan.steering(owner.name()), psc, spec);
    b.withSecurityContext(psc);
    scope.defaulted(ctx, "metadata.labels", "the labels the workload's selector (and the Service) find these Pods by");
    Map<String, String> annotations = annotations(ctx, members);
    if (annotations != null) {
      for (Service m : members) {
        if (m.has("labels")) scope.from(ctx, "metadata.annotations", m.path("labels"),
            "compose labels describe a container; on Kubernetes they are Pod annotations (labels select, annotations describe)");
        if (m.has("annotations")) scope.from(ctx, "metadata.annotations", m.path("annotations"));
      }
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(ctx.labels(podName, null)).withAnnotations(annotations).endMetadata()
        .withSpec(b.build())
        .build();
  }

  /** group_add: numeric groups → supplementalGroups; names cannot be resolved without the image. */
  private static List<Long> groups(TranslationContext ctx, List<Service> members, Scope spec) {
    List<Long> out = new ArrayList<>();
    for (Service m : members) {
      if (!(m.node().get("group_add") instanceof dev.ferry.core.tree.SeqNode seq)) continue;
      for (int i = 0; i < seq.size(); i++) {
        if (!(seq.get(i) instanceof dev.ferry.core.tree.ScalarNode g)) continue;
        try {
          long id = Long.parseLong(g.text().trim());
          if (!out.contains(id)) out.add(id);
          spec.from(ctx, "securityContext.supplementalGroups", m.path("group_add").index(i));
        } catch (NumberFormatException e) {
          ctx.report("named-user", Severity.WARNING, m.path("group_add").index(i), m.name(),
              "group_add \"" + g.text() + "\" is a group name; supplementalGroups take numeric ids, so it is left out");
        }
      }
    }
    return out;
  }

  private static void hostNamespaces(TranslationContext ctx, List<Service> members, PodSpecBuilder b, Scope spec) {
    for (Service m : members) {
      if ("host".equals(m.networkMode())) {
        b.withHostNetwork(true);
        b.withDnsPolicy("ClusterFirstWithHostNet");
        spec.from(ctx, "hostNetwork", m.path("network_mode"));
      } else if (m.networkMode() != null && !m.networkMode().startsWith("service:") && !m.networkMode().equals("bridge")
          && !m.networkMode().equals("default")) {
        ctx.report("not-translatable", Severity.WARNING, m.path("network_mode"), m.name(),
            "network_mode \"" + m.networkMode() + "\" has no Kubernetes equivalent; the Pod uses the cluster network");
      }
      if ("host".equals(m.pid())) {
        b.withHostPID(true);
        spec.from(ctx, "hostPID", m.path("pid"));
      } else if (m.pid() != null && m.pid().startsWith("service:")) {
        b.withShareProcessNamespace(true);
        spec.from(ctx, "shareProcessNamespace", m.path("pid"));
      }
      if ("host".equals(m.ipc())) {
        b.withHostIPC(true);
        spec.from(ctx, "hostIPC", m.path("ipc"));
      } else if (m.ipc() != null && !m.ipc().equals("private") && !m.ipc().equals("shareable")) {
        ctx.report("not-translatable", Severity.INFO, m.path("ipc"), m.name(),
            "ipc \"" + m.ipc() + "\" has no Kubernetes equivalent; containers of one Pod share IPC already");
      }
    }
  }

  private static void hostAliases(TranslationContext ctx, List<Service> members, PodSpecBuilder b, Scope spec) {
    Map<String, List<String>> byIp = new TreeMap<>();
    for (Service m : members) {
      for (Map.Entry<String, List<String>> e : m.extraHosts().entrySet()) {
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
    b.withHostAliases(out);
    spec.from(ctx, "hostAliases", members.get(0).path("extra_hosts"));
  }

  private static void dns(Service s, PodSpecBuilder b, TranslationContext ctx, Scope spec) {
    if (s.dns().isEmpty() && s.dnsSearch().isEmpty() && s.dnsOpt().isEmpty()) return;
    List<PodDNSConfigOption> opts = new ArrayList<>();
    for (String o : s.dnsOpt()) {
      int c = o.indexOf(':');
      opts.add(c > 0 ? new PodDNSConfigOption(o.substring(0, c), o.substring(c + 1)) : new PodDNSConfigOption(o, null));
    }
    b.withNewDnsConfig()
        .withNameservers(s.dns().isEmpty() ? null : s.dns())
        .withSearches(s.dnsSearch().isEmpty() ? null : s.dnsSearch())
        .withOptions(opts.isEmpty() ? null : opts)
        .endDnsConfig();
    spec.from(ctx, "dnsConfig", s.path(!s.dns().isEmpty() ? "dns" : !s.dnsSearch().isEmpty() ? "dns_search" : "dns_opt"),
        "added to the cluster DNS (dnsPolicy ClusterFirst), so service names keep resolving");
  }

  /**
   * placement constraints (node.labels.X == Y, node.hostname, node.platform.*) and platform →
   * nodeSelector; the same attributes with {@code !=} → a required node affinity {@code NotIn}
   * (added to {@code notIn}).
   */
  private static Map<String, String> nodeSelector(TranslationContext ctx, Service s, Scope spec,
      List<NodeSelectorRequirement> notIn) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> cons = s.deploy().placementConstraints();
    for (int i = 0; i < cons.size(); i++) {
      ModelPath at = s.path("deploy").key("placement").key("constraints").index(i);
      Matcher m = CONSTRAINT.matcher(cons.get(i));
      String key = null;
      String value = null;
      if (m.matches()) {
        String attr = m.group(1);
        value = m.group(3);
        if (attr.startsWith("node.labels.")) key = attr.substring("node.labels.".length());
        else if (attr.equals("node.hostname")) key = "kubernetes.io/hostname";
        else if (attr.equals("node.platform.os")) key = "kubernetes.io/os";
        else if (attr.equals("node.platform.arch")) {
          key = "kubernetes.io/arch";
          value = arch(value);
        }
      }
      String head = "service \"" + s.name() + "\" has the placement constraint \"" + cons.get(i).trim() + "\": ";
      if (key != null && validLabel(key, value) && m.group(2).equals("==")) {
        out.put(key, value);
        spec.from(ctx, "nodeSelector", at);
        ctx.report("placement-constraint", Severity.INFO, at, s.name(), head + "it becomes the nodeSelector " + key
            + ": " + value + " (the cluster's nodes need that label)");
      } else if (key != null && validLabel(key, value)) {
        notIn.add(new NodeSelectorRequirementBuilder().withKey(key).withOperator("NotIn").withValues(value).build());
        spec.from(ctx, "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
            + ".matchExpressions[" + (notIn.size() - 1) + "]", at, "!= becomes a required node affinity with operator NotIn");
        ctx.report("placement-constraint", Severity.INFO, at, s.name(), head + "it becomes a required node affinity "
            + key + " NotIn [" + value + "]");
      } else {
        ctx.report("placement-constraint", Severity.WARNING, at, s.name(), head + "it has no Kubernetes equivalent"
            + " (node.labels.X, node.hostname and node.platform.os/arch map, with == or !=) and is not applied, so"
            + " the Pod may be scheduled on any node");
      }
    }
    if (s.platform() != null) {
      String[] p = s.platform().split("/");
      if (p.length >= 2) {
        out.putIfAbsent("kubernetes.io/os", p[0]);
        out.putIfAbsent("kubernetes.io/arch", arch(p[1]));
        spec.from(ctx, "nodeSelector", s.path("platform"));
      }
    }
    return out;
  }

  private static String arch(String a) {
    return switch (a) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }

  static boolean validLabel(String key, String value) {
    String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
    String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
    return name.length() <= 63 && ANNOTATION_NAME.matcher(name).matches()
        && (prefix == null || prefix.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"))
        && (value.isEmpty() || (value.length() <= 63 && ANNOTATION_NAME.matcher(value).matches()));
  }

  /** Compose container labels and annotations become Pod annotations (they describe, never select). */
  private static Map<String, String> annotations(TranslationContext ctx, List<Service> members) {
    Map<String, String> out = new TreeMap<>();
    for (Service m : members) {
      for (Map.Entry<String, String> e : m.labels().entrySet()) {
        ModelPath at = m.path("labels").key(e.getKey());
        String why = Steering.unhonoured(e.getKey());
        if (why != null) ctx.report("steering-invalid", Severity.WARNING, at, m.name(), why);
        if (Steering.isSteeringLabel(e.getKey())) continue;
        annotation(ctx, m, out, e.getKey(), e.getValue(), at);
      }
      for (Map.Entry<String, String> e : m.annotations().entrySet()) {
        annotation(ctx, m, out, e.getKey(), e.getValue(), m.path("annotations").key(e.getKey()));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static void annotation(TranslationContext ctx, Service s, Map<String, String> out, String k, String v, ModelPath at) {
    if (validLabel(k, "")) {
      out.put(k, v == null ? "" : v);
    } else {
      ctx.report("not-translatable", Severity.INFO, at, s.name(),
          "label \"" + k + "\" is not a valid Kubernetes annotation key; it is left out");
    }
  }
}
