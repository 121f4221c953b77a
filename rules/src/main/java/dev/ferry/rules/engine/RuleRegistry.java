package dev.ferry.rules.engine;

import dev.ferry.rules.api.Rule;
import dev.ferry.rules.hygiene.BuildAndImage;
import dev.ferry.rules.hygiene.ContainerNamePattern;
import dev.ferry.rules.hygiene.DependsOnOrder;
import dev.ferry.rules.hygiene.DuplicateContainerName;
import dev.ferry.rules.hygiene.DuplicatePublishedPort;
import dev.ferry.rules.hygiene.ImageUnpinned;
import dev.ferry.rules.hygiene.MissingHealthcheck;
import dev.ferry.rules.hygiene.MissingResourceLimits;
import dev.ferry.rules.hygiene.PortsOrder;
import dev.ferry.rules.hygiene.PortsUnquoted;
import dev.ferry.rules.hygiene.ProjectNameMissing;
import dev.ferry.rules.hygiene.ServiceKeysOrder;
import dev.ferry.rules.hygiene.ServicesOrder;
import dev.ferry.rules.hygiene.TopLevelOrder;
import dev.ferry.rules.hygiene.VolumesQuoted;
import dev.ferry.rules.migration.AnonymousVolume;
import dev.ferry.rules.migration.BindMount;
import dev.ferry.rules.migration.BindSourceMissing;
import dev.ferry.rules.migration.BuildWithoutImage;
import dev.ferry.rules.migration.ContainerName;
import dev.ferry.rules.migration.DependsOnCondition;
import dev.ferry.rules.migration.DependsOnWithoutHealthcheck;
import dev.ferry.rules.migration.ExternalConfig;
import dev.ferry.rules.migration.ExternalSecret;
import dev.ferry.rules.migration.ExternalVolume;
import dev.ferry.rules.migration.HostIpBinding;
import dev.ferry.rules.migration.ImageVolume;
import dev.ferry.rules.migration.Links;
import dev.ferry.rules.migration.LocalhostReference;
import dev.ferry.rules.migration.ModelEndpoint;
import dev.ferry.rules.migration.NamedUser;
import dev.ferry.rules.migration.NetworkAlias;
import dev.ferry.rules.migration.NodeLogging;
import dev.ferry.rules.migration.NotTranslatable;
import dev.ferry.rules.migration.PlacementConstraint;
import dev.ferry.rules.migration.PreStartOnce;
import dev.ferry.rules.migration.ProviderService;
import dev.ferry.rules.migration.ReferenceRewritten;
import dev.ferry.rules.migration.RestartPolicy;
import dev.ferry.rules.migration.ServiceNameNotDns;
import dev.ferry.rules.migration.SharedVolume;
import dev.ferry.rules.migration.StatefulSetSuggested;
import dev.ferry.rules.migration.SteeringInvalid;
import dev.ferry.rules.migration.UnreachableService;
import dev.ferry.rules.portability.ContainerNameReference;
import dev.ferry.rules.portability.DockerHostReference;
import dev.ferry.rules.portability.ExtraHostsHostGateway;
import dev.ferry.rules.portability.GpuReservation;
import dev.ferry.rules.portability.StaticIp;
import dev.ferry.rules.portability.UnsafeSysctl;
import dev.ferry.rules.schema.DuplicateKey;
import dev.ferry.rules.schema.EnvFileInvalid;
import dev.ferry.rules.schema.EnvFileMissing;
import dev.ferry.rules.schema.FileMissing;
import dev.ferry.rules.schema.HealthcheckInvalid;
import dev.ferry.rules.schema.ObsoleteVersion;
import dev.ferry.rules.schema.RequiredVariable;
import dev.ferry.rules.schema.Schema;
import dev.ferry.rules.schema.UndefinedVariable;
import dev.ferry.rules.schema.YamlSyntax;
import dev.ferry.rules.security.DangerousCapability;
import dev.ferry.rules.security.DockerSocketMount;
import dev.ferry.rules.security.FileOutsideProject;
import dev.ferry.rules.security.HostNamespace;
import dev.ferry.rules.security.LiteralSecret;
import dev.ferry.rules.security.NoNewPrivilegesMissing;
import dev.ferry.rules.security.PrivilegedContainer;
import dev.ferry.rules.security.PublishedPortAllInterfaces;
import dev.ferry.rules.security.RootUser;
import dev.ferry.rules.security.SensitiveHostMount;
import dev.ferry.rules.security.WritableRootFilesystem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule ferry has, listed explicitly (no classpath scanning: the list is the documentation's
 * source and start-up stays fast). Whether a rule runs by default is on its {@link
 * dev.ferry.rules.api.RuleInfo}.
 */
public final class RuleRegistry {
  private static final List<Rule> ALL = List.of(
      // schema and loading: reported by the loader
      new YamlSyntax(), new Schema(), new DuplicateKey(), new UndefinedVariable(), new RequiredVariable(),
      new EnvFileMissing(), new EnvFileInvalid(), new HealthcheckInvalid(), new ObsoleteVersion(), new FileMissing(),
      // migration
      new ServiceNameNotDns(), new DependsOnWithoutHealthcheck(), new DependsOnCondition(), new UnreachableService(),
      new BuildWithoutImage(), new ContainerName(), new Links(), new NetworkAlias(), new HostIpBinding(),
      new BindMount(), new BindSourceMissing(), new SharedVolume(), new NamedUser(), new RestartPolicy(), new NotTranslatable(),
      new PlacementConstraint(), new NodeLogging(), new LocalhostReference(), new ReferenceRewritten(), new StatefulSetSuggested(),
      new AnonymousVolume(), new ExternalVolume(), new ExternalConfig(), new ExternalSecret(), new SteeringInvalid(),
      new ImageVolume(), new PreStartOnce(),
      new ProviderService(), new ModelEndpoint(),
      // security
      new PrivilegedContainer(), new DockerSocketMount(), new RootUser(), new DangerousCapability(),
      new HostNamespace(), new LiteralSecret(), new FileOutsideProject(), new PublishedPortAllInterfaces(), new NoNewPrivilegesMissing(),
      new WritableRootFilesystem(), new SensitiveHostMount(),
      // portability
      new ContainerNameReference(), new DockerHostReference(), new ExtraHostsHostGateway(), new GpuReservation(),
      new StaticIp(), new UnsafeSysctl(),
      // hygiene
      new ImageUnpinned(), new BuildAndImage(), new DuplicateContainerName(), new DuplicatePublishedPort(),
      new ProjectNameMissing(), new PortsUnquoted(), new VolumesQuoted(), new ServicesOrder(), new ServiceKeysOrder(),
      new DependsOnOrder(), new PortsOrder(), new TopLevelOrder(), new ContainerNamePattern(),
      new MissingResourceLimits(), new MissingHealthcheck(), new UnusedSuppression());

  private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

  static {
    for (Rule r : ALL) {
      if (BY_ID.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
    }
  }

  private RuleRegistry() {}

  /** All rules, in registry order (grouped by category). */
  public static List<Rule> all() {
    return ALL;
  }

  /** All rules sorted by category, then id (for listings and docs). */
  public static List<Rule> sorted() {
    return ALL.stream()
        .sorted(Comparator.comparing((Rule r) -> r.info().category()).thenComparing(Rule::id))
        .toList();
  }

  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
