package dev.ferry.core.translate;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.tree.MapNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What becomes of every service key of the compose-spec: mapped (to which Kubernetes field),
 * consumed by the loader, ignored with a reason, or reported as not translatable. The table is the
 * single source of docs/conversion.md, and a test checks it covers every property of the schema,
 * so no key can be dropped silently.
 */
public final class Coverage {
  public enum Fate { MAPPED, LOADER, IGNORED, REPORTED }

  /** One key's fate: where it goes (or why not). */
  public record Entry(Fate fate, String target) {}

  public static final Map<String, Entry> SERVICE = new LinkedHashMap<>();
  public static final Map<String, Entry> DEPLOY = new LinkedHashMap<>();

  static {
    m("image", "containers[].image");
    m("build", "containers[].image is the built image's name; build it and push it to a registry (finding when no image:)");
    m("command", "containers[].args (compose command replaces the image CMD)");
    m("entrypoint", "containers[].command (compose entrypoint replaces the image ENTRYPOINT)");
    m("working_dir", "containers[].workingDir");
    m("environment", "containers[].env in order; secret-looking values via a Secret and secretKeyRef");
    m("env_file", "ConfigMap `<svc>-env` (+ Secret for secret-looking keys) via envFrom");
    m("ports", "Service ports (target, and published when different) and containerPorts; never hostPort");
    m("expose", "Service ports and containerPorts");
    m("depends_on", "initContainers waiting for the dependency's Service (started/healthy) or Job (completed)");
    m("healthcheck", "readinessProbe (same command) + a livenessProbe on the first TCP port; disable → no probes; no test → no probes + finding");
    m("volumes", "PVC (named; subPath at a database data directory), emptyDir (anonymous) or as steered, emptyDir Memory (tmpfs), bind mounts by the decision table below (ConfigMap/Secret copy, PVC, not mounted); type: image →"
        + " an image volume (read-only, image.subpath → subPath) with --kube-version 1.33 or later, else not mounted (finding image-volume)");
    m("tmpfs", "emptyDir with medium Memory");
    m("shm_size", "emptyDir Memory mounted at /dev/shm with sizeLimit");
    m("configs", "ConfigMap per config, mounted at the target with subPath");
    m("secrets", "Secret per secret, mounted at /run/secrets/<target> with subPath");
    m("user", "securityContext.runAsUser/runAsGroup (numeric only; names are a finding)");
    m("group_add", "Pod securityContext.supplementalGroups (numeric only)");
    m("privileged", "securityContext.privileged");
    m("cap_add", "securityContext.capabilities.add");
    m("cap_drop", "securityContext.capabilities.drop");
    m("read_only", "securityContext.readOnlyRootFilesystem");
    m("security_opt", "no-new-privileges → allowPrivilegeEscalation; seccomp/apparmor/label → profiles and seLinuxOptions");
    m("sysctls", "Pod securityContext.sysctls");
    m("stdin_open", "containers[].stdin");
    m("tty", "containers[].tty");
    m("stop_grace_period", "terminationGracePeriodSeconds");
    m("post_start", "containers[].lifecycle.postStart (exec)");
    m("pre_stop", "containers[].lifecycle.preStop (exec)");
    m("extra_hosts", "hostAliases (host-gateway is a finding)");
    m("dns", "dnsConfig.nameservers (cluster DNS kept)");
    m("dns_search", "dnsConfig.searches");
    m("dns_opt", "dnsConfig.options");
    m("hostname", "Pod hostname");
    m("network_mode", "host → hostNetwork; service:X → a container in X's Pod; others are a finding");
    m("networks", "aliases → Services of their own; --network-policies → NetworkPolicy per network; static IPs are a finding");
    m("links", "link aliases → Services of their own");
    m("pid", "host → hostPID; service:X → shareProcessNamespace");
    m("ipc", "host → hostIPC");
    m("platform", "nodeSelector kubernetes.io/os and kubernetes.io/arch");
    m("labels", "Pod annotations (kompose.* labels are steering)");
    m("annotations", "Pod annotations");
    m("pull_policy", "imagePullPolicy");
    m("restart", "workload kind (no + awaited completion → Job); Pods restart always otherwise (finding)");
    m("scale", "spec.replicas");
    m("cpus", "resources.limits.cpu");
    m("mem_limit", "resources.limits.memory");
    m("mem_reservation", "resources.requests.memory");
    m("deploy", "see the deploy table");
    m("pre_start", "initContainers after the dependency waits, in order: a copy of the service's container (env, mounts,"
        + " user) with the hook's image, command → args, user, working_dir, privileged and environment; per_replica: false"
        + " (once per service) runs once per Pod start instead (finding pre-start-once)");
    m("models", "the endpoint_var/model_var variables (default `<MODEL>_URL`/`<MODEL>_MODEL`) pointing at a model-serving"
        + " Service: `models.<m>.x-ferry.endpoint` (default http://model-runner/engines/v1/) and the model name; chart values"
        + " `services.<svc>.env`; `models.<m>.x-ferry.runner: true` also runs Docker Model Runner as Deployment and Service"
        + " model-runner; finding model-endpoint: what stays the user's (serving or pulling the model)");
    m("provider", "no workload and no Service; dependants read the provider's `<SERVICE>_<KEY>` outputs from the optional"
        + " Secret named after the service (envFrom); finding provider-service: provision it on the cluster");
    m("gpus", "resources.limits nvidia.com/gpu (count, or the number of device_ids; all → 1 with a warning)");
    SERVICE.put("label_file", new Entry(Fate.LOADER, "read by the loader into labels (labels win over the file); a"
        + " missing file is an error"));
    SERVICE.put("extends", new Entry(Fate.LOADER, "resolved by the loader"));
    SERVICE.put("profiles", new Entry(Fate.LOADER, "resolved by the loader (--profile)"));
    i("container_name", "Pod names are generated; the compose service name is the Service name (lint: container-name)");
    i("develop", "compose watch is a development loop, not a deployment (one info finding)");
    i("attach", "log attachment of the compose CLI");
    r("init", "no init process injection on Kubernetes; use an image with tini or shareProcessNamespace");
    r("stop_signal", "Kubernetes always sends SIGTERM (lifecycle.stopSignal is not generally available)");
    r("logging", "a log driver other than json-file, local or none is per node on Kubernetes (a log agent DaemonSet); those three need nothing: the kubelet keeps and rotates container logs (one info finding, node-logging)");
    r("devices", "host devices need a device plugin");
    r("ulimits", "no per-container ulimits on Kubernetes; set them in the container runtime");
    r("volumes_from", "share volumes explicitly (mount the same claim) or put the containers in one Pod");
    r("cgroup", "cgroup namespace mode is the runtime's");
    r("cgroup_parent", "cgroup parents are the kubelet's");
    r("cpu_count", "Windows-only CPU setting");
    r("cpu_percent", "Windows-only CPU setting");
    r("cpu_period", "CFS period is the kubelet's; use resources.limits.cpu");
    r("cpu_quota", "use resources.limits.cpu");
    r("cpu_rt_period", "no real-time CPU scheduling on Kubernetes");
    r("cpu_rt_runtime", "no real-time CPU scheduling on Kubernetes");
    r("cpu_shares", "relative shares: use resources.requests.cpu");
    r("cpuset", "CPU pinning needs the kubelet's static CPU manager policy");
    r("credential_spec", "Windows gMSA: securityContext.windowsOptions by hand");
    r("device_cgroup_rules", "device cgroup rules need a device plugin");
    r("domainname", "Pod subdomain needs a headless Service of that name");
    r("external_links", "containers outside the project: use a Service of type ExternalName");
    r("isolation", "Windows isolation is the node's");
    r("mac_address", "Pods get their addresses from the CNI");
    r("mem_swappiness", "swap is the kubelet's");
    r("memswap_limit", "swap is the kubelet's");
    r("oom_kill_disable", "the kubelet decides OOM kills");
    r("oom_score_adj", "the kubelet sets OOM scores by QoS class");
    r("pids_limit", "the PID limit is the kubelet's (podPidsLimit)");
    r("runtime", "runtimeClassName must name a RuntimeClass of the cluster");
    r("storage_opt", "storage driver options are the node's");
    r("userns_mode", "user namespaces: spec.hostUsers on recent clusters");
    r("uts", "UTS namespace sharing is not available");
    r("use_api_socket", "there is no Docker API on a Kubernetes node");
    r("pull_refresh_after", "no periodic re-pull on Kubernetes");
    r("blkio_config", "block IO weights are not available on Kubernetes");
    DEPLOY.put("mode", new Entry(Fate.MAPPED, "global → DaemonSet; replicated-job/global-job → Job"));
    DEPLOY.put("replicas", new Entry(Fate.MAPPED, "spec.replicas (2+: a PodDisruptionBudget too)"));
    DEPLOY.put("resources", new Entry(Fate.MAPPED, "resources.limits/requests; GPU devices → limit nvidia.com/gpu (others: finding)"));
    DEPLOY.put("labels", new Entry(Fate.MAPPED, "workload labels (invalid ones: finding)"));
    DEPLOY.put("placement", new Entry(Fate.MAPPED, "constraints: == → nodeSelector, != → node affinity NotIn (node.role: finding); preferences spread: node.labels.<key> → topologySpreadConstraints with whenUnsatisfiable ScheduleAnyway (other preferences: finding)"));
    DEPLOY.put("restart_policy", new Entry(Fate.MAPPED, "max_attempts → Job backoffLimit; the rest: finding"));
    DEPLOY.put("update_config", new Entry(Fate.REPORTED, "rollout parameters differ (maxSurge/maxUnavailable)"));
    DEPLOY.put("rollback_config", new Entry(Fate.REPORTED, "Kubernetes rolls back on request (kubectl rollout undo)"));
    DEPLOY.put("endpoint_mode", new Entry(Fate.REPORTED, "Services always load-balance (use x-ferry service.type: Headless for dnsrr)"));
  }

  private Coverage() {}

  private static void m(String k, String t) {
    SERVICE.put(k, new Entry(Fate.MAPPED, t));
  }

  private static void i(String k, String t) {
    SERVICE.put(k, new Entry(Fate.IGNORED, t));
  }

  private static void r(String k, String t) {
    SERVICE.put(k, new Entry(Fate.REPORTED, t));
  }

  /**
   * Reports, as not-translatable, every REPORTED key a service uses (logging with a node-local driver
   * through {@link NodeLogging}), develop, every REPORTED deploy key, and the deploy.restart_policy
   * keys other than condition and max_attempts. Unknown keys are left to the schema check.
   */
  public static void report(TranslationContext ctx, Service s) {
    for (String k : s.node().keys()) {
      if (k.startsWith("x-")) continue;
      Entry e = SERVICE.get(k);
      if (k.equals("logging") && NodeLogging.local(s)) {
        NodeLogging.report(ctx, s);
        continue;
      }
      if (e != null && e.fate() == Fate.REPORTED) {
        ctx.report("not-translatable", Severity.WARNING, s.path(k), s.name(),
            k + " has no Kubernetes equivalent and is not translated: " + e.target());
      }
    }
    if (s.has("develop")) {
      ctx.report("not-translatable", Severity.INFO, s.path("develop"), s.name(), "develop (compose watch) is a"
          + " development loop and is ignored: on the cluster, build a new image and roll it out");
    }
    if (s.node().get("deploy") instanceof MapNode d) {
      for (String k : d.keys()) {
        Entry e = DEPLOY.get(k);
        if (e != null && e.fate() == Fate.REPORTED) {
          ctx.report("not-translatable", Severity.INFO, s.path("deploy").key(k), s.name(),
              "deploy." + k + " is not translated: " + e.target());
        }
      }
      if (d.get("restart_policy") instanceof MapNode rp) {
        for (String k : rp.keys()) {
          if (!k.equals("max_attempts") && !k.equals("condition")) {
            ctx.report("not-translatable", Severity.INFO, s.path("deploy").key("restart_policy").key(k), s.name(),
                "deploy.restart_policy." + k + " is not translated: Kubernetes restarts with its own back-off");
          }
        }
      }
    }
  }
}
