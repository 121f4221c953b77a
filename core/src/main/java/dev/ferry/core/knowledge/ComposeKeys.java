package dev.ferry.core.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose-key catalogue: for every service key (and {@code deploy} key) of the compose-spec,
 * how ferry treats it and why. {@code MAPPED}: translated to the Kubernetes field(s) in
 * {@code target}; {@code APPROXIMATED}: translated to the closest Kubernetes form in {@code target},
 * and where the meaning changes, one of the findings {@code findings} says how; {@code LOADER}: resolved while loading; {@code IGNORED}: deliberately not
 * translated, for the reason in {@code target}; {@code REPORTED}: no Kubernetes equivalent, so every
 * use is a {@code not-translatable} finding saying {@code target}. {@code note} is the learner's
 * explanation {@code ferry explain} shows at the key (null when it has none). One immutable table,
 * read by convert's coverage findings (lint shows the same ones), explain's notes and
 * docs/conversion.md; a test checks it names every service property of the schema, and another that
 * every mapped key produces a provenance link in some conversion case. A table, so longer than a class.
 */
public final class ComposeKeys {
  /** What ferry does with a key. */
  public enum Treatment { MAPPED, APPROXIMATED, LOADER, IGNORED, REPORTED }

  /**
   * One compose key: how it is treated, its Kubernetes target (or the reason), the ids of the
   * findings the translation reports at the key (for {@code APPROXIMATED}, those that name what
   * changes; for {@code REPORTED}, not-translatable), and the explain note.
   */
  public record Key(String name, Treatment treatment, String target, List<String> findings, String note) {
    public Key {
      findings = List.copyOf(findings);
    }
  }

  /** Service keys ({@code services.<name>.<key>}), in the order ferry's reference lists them. */
  public static final List<Key> SERVICE = List.of(
      mapped("image", "containers[].image",
          "The same image runs on Kubernetes; the cluster pulls it, so it must be in a registry the nodes can reach."),
      approximated("build", List.of("build-without-image"), "containers[].image is the built image's name; build it and push it to a registry (finding when no image:)",
          "Kubernetes does not build images: build and push the image, then refer to it with image:."),
      mapped("command", "containers[].args (compose command replaces the image CMD)",
          "command replaces the image's CMD: on Kubernetes that is the container's args."),
      mapped("entrypoint", "containers[].command (compose entrypoint replaces the image ENTRYPOINT)",
          "entrypoint replaces the image's ENTRYPOINT: on Kubernetes that is the container's command."),
      mapped("working_dir", "containers[].workingDir",
          "working_dir is the container's workingDir."),
      mapped("environment", "containers[].env in order; secret-looking values via a Secret and secretKeyRef",
          "Each variable becomes an env entry of the container; secret-looking values move to a Secret and are read with secretKeyRef."),
      mapped("env_file", "ConfigMap `<svc>-env` (+ Secret for secret-looking keys) via envFrom",
          "The file's variables go into a ConfigMap (secret-looking ones into a Secret) that the container reads with envFrom."),
      mapped("ports", "Service ports (target, and published when different) and containerPorts; never hostPort",
          "Published ports become ports of a Service, the stable name other Pods use; nothing is published on a node (use an Ingress or port-forward)."),
      mapped("expose", "Service ports and containerPorts",
          "Exposed ports become Service ports, so other Pods reach this one by its service name."),
      approximated("depends_on", List.of("depends-on-condition"), "initContainers waiting for the dependency's Service (started/healthy) or Job (completed)",
          "Kubernetes starts all Pods at once; an initContainer that waits for the dependency keeps compose's start order."),
      mapped("healthcheck", "readinessProbe (same command) + a livenessProbe on the first TCP port; disable → no probes; no test → no probes + finding",
          "The healthcheck becomes probes of the container (see the lines beside it): a readiness probe takes an unready Pod out of its Service, like 'unhealthy'; compose never restarts an unhealthy container."),
      approximated("volumes", List.of("bind-mount", "anonymous-volume", "shared-volume"), "PVC (named; subPath at a database data directory), emptyDir (anonymous) or as steered, emptyDir Memory (tmpfs), bind mounts by the decision table below (ConfigMap/Secret copy, PVC, not mounted); type: image →"
          + " an image volume (read-only, image.subpath → subPath) with --kube-version 1.33 or later, else not mounted (finding image-volume)",
          "Named volumes become PersistentVolumeClaims, mounted with volumeMounts; host directories do not exist in a cluster, so bind mounts change meaning."),
      mapped("tmpfs", "emptyDir with medium Memory",
          "A tmpfs is an emptyDir kept in memory."),
      mapped("shm_size", "emptyDir Memory mounted at /dev/shm with sizeLimit"),
      mapped("configs", "ConfigMap per config, mounted at the target with subPath",
          "A config becomes a ConfigMap, mounted as a read-only file."),
      mapped("secrets", "Secret per secret, mounted at /run/secrets/<target> with subPath",
          "A secret becomes a Secret, mounted as a read-only file under /run/secrets."),
      approximated("user", List.of("named-user"), "securityContext.runAsUser/runAsGroup (numeric only; names are a finding)",
          "user becomes the securityContext's runAsUser/runAsGroup (numeric ids only)."),
      mapped("group_add", "Pod securityContext.supplementalGroups (numeric only)"),
      mapped("privileged", "securityContext.privileged",
          "privileged is securityContext.privileged: full access to the node."),
      mapped("cap_add", "securityContext.capabilities.add",
          "Capabilities go into the container's securityContext."),
      mapped("cap_drop", "securityContext.capabilities.drop",
          "Capabilities go into the container's securityContext."),
      mapped("read_only", "securityContext.readOnlyRootFilesystem",
          "A read-only root filesystem is securityContext.readOnlyRootFilesystem."),
      mapped("security_opt", "no-new-privileges → allowPrivilegeEscalation; seccomp/apparmor/label → profiles and seLinuxOptions"),
      mapped("sysctls", "Pod securityContext.sysctls"),
      mapped("stdin_open", "containers[].stdin"),
      mapped("tty", "containers[].tty"),
      mapped("stop_grace_period", "terminationGracePeriodSeconds",
          "The grace period before a stopping container is killed: terminationGracePeriodSeconds."),
      mapped("post_start", "containers[].lifecycle.postStart (exec)"),
      mapped("pre_stop", "containers[].lifecycle.preStop (exec)"),
      approximated("extra_hosts", List.of("not-translatable"), "hostAliases (host-gateway is a finding)",
          "Extra /etc/hosts entries become the Pod's hostAliases."),
      mapped("dns", "dnsConfig.nameservers (cluster DNS kept)"),
      mapped("dns_search", "dnsConfig.searches"),
      mapped("dns_opt", "dnsConfig.options"),
      mapped("hostname", "Pod hostname",
          "The Pod's hostname."),
      approximated("network_mode", List.of("not-translatable"), "host → hostNetwork; service:X → a container in X's Pod; others are a finding",
          "network_mode: service:X shares X's network: on Kubernetes, a second container in X's Pod."),
      approximated("networks", List.of("network-alias"), "aliases → Services of their own; --network-policies → NetworkPolicy per network; static IPs are a finding",
          "All Pods share one flat network; names resolve through Services. Isolation needs NetworkPolicies (--network-policies)."),
      approximated("links", List.of("network-alias"), "link aliases → Services of their own"),
      mapped("pid", "host → hostPID; service:X → shareProcessNamespace"),
      mapped("ipc", "host → hostIPC"),
      mapped("platform", "nodeSelector kubernetes.io/os and kubernetes.io/arch"),
      mapped("labels", "Pod annotations (kompose.* labels are steering)",
          "Compose labels describe a container: they become Pod annotations (Kubernetes labels select objects)."),
      mapped("annotations", "Pod annotations"),
      approximated("pull_policy", List.of("not-translatable"), "imagePullPolicy"),
      approximated("restart", List.of("restart-policy"), "workload kind (no + awaited completion → Job); Pods restart always otherwise (finding)",
          "Pods of a Deployment are always restarted; a service that runs once and exits is a Job."),
      mapped("scale", "spec.replicas",
          "scale is the number of replicas."),
      mapped("cpus", "resources.limits.cpu"),
      mapped("mem_limit", "resources.limits.memory"),
      mapped("mem_reservation", "resources.requests.memory"),
      mapped("deploy", "see the deploy table",
          "deploy's replicas and resources become the workload's replicas and the container's requests and limits."),
      approximated("pre_start", List.of("pre-start-once"), "initContainers after the dependency waits, in order: a copy of the service's container (env, mounts,"
          + " user) with the hook's image, command → args, user, working_dir, privileged and environment; per_replica: false"
          + " (once per service) runs once per Pod start instead (finding pre-start-once)"),
      approximated("models", List.of("model-endpoint"), "the endpoint_var/model_var variables (default `<MODEL>_URL`/`<MODEL>_MODEL`) pointing at a model-serving"
          + " Service: `models.<m>.x-ferry.endpoint` (default http://model-runner/engines/v1/) and the model name; chart values"
          + " `services.<svc>.env`; `models.<m>.x-ferry.runner: true` also runs Docker Model Runner as Deployment and Service"
          + " model-runner; finding model-endpoint: what stays the user's (serving or pulling the model)"),
      approximated("provider", List.of("provider-service"), "no workload and no Service; dependants read the provider's `<SERVICE>_<KEY>` outputs from the optional"
          + " Secret named after the service (envFrom); finding provider-service: provision it on the cluster"),
      approximated("gpus", List.of("gpu-reservation"), "resources.limits nvidia.com/gpu (count, or the number of device_ids; all → 1 with a warning)"),
      loader("label_file", "read by the loader into labels (labels win over the file); a"
          + " missing file is an error"),
      loader("extends", "resolved by the loader"),
      loader("profiles", "resolved by the loader (--profile)"),
      ignored("container_name", "Pod names are generated; the compose service name is the Service name (lint: container-name)",
          "Kubernetes names Pods itself; other Pods use the Service name."),
      ignored("develop", "compose watch is a development loop, not a deployment (one info finding)"),
      ignored("attach", "log attachment of the compose CLI"),
      reported("init", "no init process injection on Kubernetes; use an image with tini or shareProcessNamespace"),
      reported("stop_signal", "Kubernetes always sends SIGTERM (lifecycle.stopSignal is not generally available)"),
      new Key("logging", Treatment.REPORTED, "a log driver other than json-file, local or none is per node on Kubernetes (a log agent DaemonSet); those three need nothing: the kubelet keeps and rotates container logs (one info finding, node-logging)", List.of("not-translatable", "node-logging"), null),
      reported("devices", "host devices need a device plugin"),
      reported("ulimits", "no per-container ulimits on Kubernetes; set them in the container runtime"),
      reported("volumes_from", "share volumes explicitly (mount the same claim) or put the containers in one Pod"),
      reported("cgroup", "cgroup namespace mode is the runtime's"),
      reported("cgroup_parent", "cgroup parents are the kubelet's"),
      reported("cpu_count", "Windows-only CPU setting"),
      reported("cpu_percent", "Windows-only CPU setting"),
      reported("cpu_period", "CFS period is the kubelet's; use resources.limits.cpu"),
      reported("cpu_quota", "use resources.limits.cpu"),
      reported("cpu_rt_period", "no real-time CPU scheduling on Kubernetes"),
      reported("cpu_rt_runtime", "no real-time CPU scheduling on Kubernetes"),
      reported("cpu_shares", "relative shares: use resources.requests.cpu"),
      reported("cpuset", "CPU pinning needs the kubelet's static CPU manager policy"),
      reported("credential_spec", "Windows gMSA: securityContext.windowsOptions by hand"),
      reported("device_cgroup_rules", "device cgroup rules need a device plugin"),
      reported("domainname", "Pod subdomain needs a headless Service of that name"),
      reported("external_links", "containers outside the project: use a Service of type ExternalName"),
      reported("isolation", "Windows isolation is the node's"),
      reported("mac_address", "Pods get their addresses from the CNI"),
      reported("mem_swappiness", "swap is the kubelet's"),
      reported("memswap_limit", "swap is the kubelet's"),
      reported("oom_kill_disable", "the kubelet decides OOM kills"),
      reported("oom_score_adj", "the kubelet sets OOM scores by QoS class"),
      reported("pids_limit", "the PID limit is the kubelet's (podPidsLimit)"),
      reported("runtime", "runtimeClassName must name a RuntimeClass of the cluster"),
      reported("storage_opt", "storage driver options are the node's"),
      reported("userns_mode", "user namespaces: spec.hostUsers on recent clusters"),
      reported("uts", "UTS namespace sharing is not available"),
      reported("use_api_socket", "there is no Docker API on a Kubernetes node"),
      reported("pull_refresh_after", "no periodic re-pull on Kubernetes"),
      reported("blkio_config", "block IO weights are not available on Kubernetes"));

  /** Keys of a service's {@code deploy} section. */
  public static final List<Key> DEPLOY = List.of(
      mapped("mode", "global → DaemonSet; replicated-job/global-job → Job"),
      mapped("replicas", "spec.replicas (2+: a PodDisruptionBudget too)"),
      mapped("resources", "resources.limits/requests; GPU devices → limit nvidia.com/gpu (others: finding)"),
      mapped("labels", "workload labels (invalid ones: finding)"),
      approximated("placement", List.of("placement-constraint"), "constraints: == → nodeSelector, != → node affinity NotIn (node.role: finding); preferences spread: node.labels.<key> → topologySpreadConstraints with whenUnsatisfiable ScheduleAnyway (other preferences: finding)"),
      approximated("restart_policy", List.of("restart-policy"), "max_attempts → Job backoffLimit; the rest: finding"),
      reported("update_config", "rollout parameters differ (maxSurge/maxUnavailable)"),
      reported("rollback_config", "Kubernetes rolls back on request (kubectl rollout undo)"),
      reported("endpoint_mode", "Services always load-balance (use x-ferry service.type: Headless for dnsrr)"));

  private static final Map<String, Key> BY_SERVICE_KEY = index(SERVICE);
  private static final Map<String, Key> BY_DEPLOY_KEY = index(DEPLOY);

  private ComposeKeys() {}

  /** The service key {@code name}, or null when the catalogue does not know it. */
  public static Key service(String name) {
    return BY_SERVICE_KEY.get(name);
  }

  /** The deploy key {@code name}, or null. */
  public static Key deploy(String name) {
    return BY_DEPLOY_KEY.get(name);
  }

  private static Map<String, Key> index(List<Key> keys) {
    Map<String, Key> m = new LinkedHashMap<>();
    for (Key k : keys) {
      if (m.put(k.name(), k) != null) throw new IllegalStateException("compose key listed twice: " + k.name());
    }
    return Collections.unmodifiableMap(m);
  }

  /** A mapped key; {@code note}, when given, is explain's note for it. */
  private static Key mapped(String name, String target, String... note) {
    return new Key(name, Treatment.MAPPED, target, List.of(), note.length == 0 ? null : note[0]);
  }

  /** An approximated key: {@code findings} are the ids that name the difference where there is one. */
  private static Key approximated(String name, List<String> findings, String target, String... note) {
    return new Key(name, Treatment.APPROXIMATED, target, findings, note.length == 0 ? null : note[0]);
  }

  private static Key loader(String name, String target) {
    return new Key(name, Treatment.LOADER, target, List.of(), null);
  }

  private static Key ignored(String name, String reason, String... note) {
    return new Key(name, Treatment.IGNORED, reason, List.of(), note.length == 0 ? null : note[0]);
  }

  private static Key reported(String name, String reason) {
    return new Key(name, Treatment.REPORTED, reason, List.of("not-translatable"), null);
  }
}
