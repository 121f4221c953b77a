package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One compose service in canonical long syntax. The typed fields cover what lint and convert
 * read; {@link #node()} is the canonical tree of the service, so every key (including those not
 * typed here) stays reachable, with positions through {@link #path()} and the SourceMap.
 *
 * <p>The typed fields come in groups, one per concern, so a mapper reads the part it maps:
 * {@link Identity}, {@link Execution}, {@link Networking}, {@link Storage}, {@link Security},
 * {@link Deployment} and {@link Health}.
 *
 * <p>Lists and maps are unmodifiable and never null; optional scalars are null when absent.
 * {@code environment} values are null for a variable given without a value and not set anywhere.
 */
public record Service(
    String name,
    ModelPath path,
    MapNode node,
    Identity identity,
    Execution execution,
    Networking networking,
    Storage storage,
    Security security,
    Deployment deployment,
    Health health,
    Map<String, Node> extensions) {

  /**
   * What the service is: its image or build, platform, pull policy, container name, labels,
   * annotations and profiles; {@code providerType} is the {@code provider.type} of a service an
   * external component provides (null for one that runs a container).
   */
  public record Identity(
      ImageRef image,
      Build build,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<String> profiles,
      String containerName,
      String pullPolicy,
      String platform,
      String providerType) {}

  /**
   * The process: entrypoint, command, working directory, environment, terminal, init, how it is
   * stopped, its {@code logging.driver} (null when not given), its lifecycle hooks, the models it
   * uses and the GPUs it asks for ({@code gpus}).
   */
  public record Execution(
      List<String> entrypoint,
      List<String> command,
      String workingDir,
      Map<String, String> environment,
      List<EnvFile> envFiles,
      boolean stdinOpen,
      boolean tty,
      Boolean init,
      Duration stopGracePeriod,
      String stopSignal,
      String loggingDriver,
      Hook.Hooks hooks,
      List<ModelUse> models,
      List<DeviceRequest> gpus) {}

  /**
   * How the service is reached and what it reaches: ports, networks, {@code network_mode}, links,
   * host names and DNS settings.
   */
  public record Networking(
      List<PortMapping> ports,
      List<String> expose,
      Map<String, ServiceNetwork> networks,
      NamespaceMode networkNamespace,
      List<String> links,
      Map<String, List<String>> extraHosts,
      List<String> dns,
      List<String> dnsSearch,
      List<String> dnsOpt,
      String hostname,
      String domainname) {}

  /**
   * What the service mounts: {@code volumes}, {@code secrets} and {@code configs}; {@code tmpfs}
   * entries as written ({@code path[:options]}); {@code shm_size} as written (null when not given).
   */
  public record Storage(
      List<Mount> volumes, List<FileRef> secrets, List<FileRef> configs, List<String> tmpfs, String shmSize) {}

  /**
   * Who the process runs as and what it may do: user, privileges, capabilities, read-only root,
   * security options, sysctls, supplementary groups ({@code group_add}, as written) and the
   * {@code pid}, {@code ipc}, {@code uts} and {@code userns_mode} namespaces.
   */
  public record Security(
      NamespaceMode pidNamespace,
      NamespaceMode ipcNamespace,
      String user,
      boolean privileged,
      List<String> capAdd,
      List<String> capDrop,
      boolean readOnly,
      List<String> securityOpt,
      Map<String, String> sysctls,
      List<String> groupAdd,
      NamespaceMode utsNamespace,
      NamespaceMode userNamespace) {}

  /**
   * How many copies run and how they are restarted: {@code restart}, {@code deploy} and
   * {@code scale}.
   */
  public record Deployment(Restart restartPolicy, Deploy deploy, Integer scale) {}

  /**
   * When the service counts as ready and what it waits for: {@code healthcheck} and
   * {@code depends_on}.
   */
  public record Health(Healthcheck healthcheck, Map<String, DependsOn> dependsOn) {}

  /** {@code build} in long syntax; context relative to the project directory as written. */
  public record Build(String context, String dockerfile, Map<String, String> args, String target) {}

  /** The service whose network namespace this one joins ({@code network_mode: service:X}), or null. */
  public String networkService() {
    return NamespaceMode.service(networking.networkNamespace());
  }

  /** Resources from {@code deploy.resources}, falling back to the legacy top-level keys. */
  public Resources resources() {
    return deployment.deploy().resources();
  }

  /** Replicas from {@code deploy.replicas} or {@code scale}; null when not given. */
  public Integer replicas() {
    Deploy d = deployment.deploy();
    return d.replicas() != null ? d.replicas() : deployment.scale();
  }

  public boolean has(String key) {
    return node.has(key);
  }

  /** The {@code x-ferry} steering block of this service, or null. */
  public MapNode steering() {
    return extensions.get("x-ferry") instanceof MapNode m ? m : null;
  }

  public ModelPath path(String key) {
    return path.key(key);
  }
}
