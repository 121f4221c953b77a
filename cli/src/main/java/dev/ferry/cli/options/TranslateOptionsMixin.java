package dev.ferry.cli.options;

import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.TranslateOptions.BindMounts;
import dev.ferry.core.translate.KubeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Conversion choices shared by convert, chart and explain. */
public final class TranslateOptionsMixin {
  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Put every object in this namespace (default: none, the current one).")
  public String namespace;

  @Option(names = "--wait-for-dependencies", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Turn depends_on into initContainers that wait for the dependency. Default: on.")
  public boolean waitForDependencies;

  @Option(names = "--wait-image", paramLabel = "IMAGE", defaultValue = TranslateOptions.DEFAULT_WAIT_IMAGE,
      description = "Image of the dependency-wait initContainers (pinned; default: ${DEFAULT-VALUE}).")
  public String waitImage;

  @Option(names = "--bind-mounts", paramLabel = "MODE", defaultValue = "auto",
      description = "What bind mounts become: auto (by what the source is: files and configuration directories →"
          + " ConfigMap or Secret, data directories → PersistentVolumeClaim; docs/conversion.md), configmap, pvc,"
          + " emptydir, hostpath, skip. Default: ${DEFAULT-VALUE}.")
  public BindMounts bindMounts;

  @Option(names = "--volumes", paramLabel = "MODE", defaultValue = "pvc",
      description = "What named volumes become: pvc (a PersistentVolumeClaim each) or emptydir (for a throwaway cluster"
          + " without a storage provisioner; data lasts as long as the Pod). Default: ${DEFAULT-VALUE}.")
  public TranslateOptions.Volumes volumes;

  @Option(names = "--network-policies", description = "Emit one NetworkPolicy per compose network (members only).")
  public boolean networkPolicies;

  @Option(names = "--kube-version", paramLabel = "VERSION", defaultValue = "1.30", converter = KubeVersionConverter.class,
      description = "Kubernetes version the output targets (1.30 to 1.36; default: ${DEFAULT-VALUE}, the oldest supported)."
          + " From 1.33, type: image volumes become image volumes.")
  public KubeVersion kubeVersion = KubeVersion.OLDEST;

  /** --kube-version text to a supported version; a bad one is a usage error (exit 2). */
  public static final class KubeVersionConverter implements CommandLine.ITypeConverter<KubeVersion> {
    @Override
    public KubeVersion convert(String value) {
      try {
        return KubeVersion.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  public TranslateOptions toOptions() {
    return new TranslateOptions(namespace, waitForDependencies, waitImage, bindMounts, networkPolicies,
        volumes == null ? TranslateOptions.Volumes.PVC : volumes, kubeVersion);
  }
}
