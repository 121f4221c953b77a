package dev.ferry.core.emit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;

/**
 * Start-up work of emission done ahead, on a second core, while the command still loads and
 * translates: Jackson builds its serializer for each fabric8 class the first time it meets one
 * (reflection over the class and every type it names; about half of {@code convert}'s extra
 * start-up over {@code config} at 10 services). Rendering one small object of each common kind
 * builds those serializers, which the mapper then shares with the thread that emits for real.
 * Nothing it does is visible in any output: serializers do not depend on what built them first.
 */
public final class EmitWarmUp {
  private EmitWarmUp() {}

  /** Renders the sample objects (and discards the text). */
  public static void run() {
    for (HasMetadata o : samples()) ManifestWriter.yaml(o);
  }

  /** A Deployment, Service, PersistentVolumeClaim, ConfigMap and Secret shaped like ferry's usual output. */
  static List<HasMetadata> samples() {
    var container = new ContainerBuilder().withName("w").withImage("w:1").withArgs("a")
        .addNewEnv().withName("A").withValue("a").endEnv()
        .addNewEnv().withName("B").withNewValueFrom().withNewSecretKeyRef("k", "s", false).endValueFrom().endEnv()
        .addNewEnvFrom().withNewConfigMapRef("c", false).endEnvFrom()
        .addNewPort().withContainerPort(80).withProtocol("TCP").endPort()
        .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString(80)).endTcpSocket().withPeriodSeconds(1).endLivenessProbe()
        .withNewReadinessProbe().withNewExec().withCommand("true").endExec().endReadinessProbe()
        .withNewStartupProbe().withNewHttpGet().withPath("/").withPort(new IntOrString(80)).endHttpGet().endStartupProbe()
        .withNewResources().addToLimits("cpu", new Quantity("1")).addToRequests("memory", new Quantity("1Mi")).endResources()
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities()
        .endSecurityContext()
        .addNewVolumeMount().withName("v").withMountPath("/v").withReadOnly(true).endVolumeMount()
        .build();
    var deployment = new DeploymentBuilder().withNewMetadata().withName("w").addToLabels("a", "b").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("a", "b").endSelector()
        .withNewStrategy().withType("Recreate").endStrategy()
        .withNewTemplate().withNewMetadata().addToLabels("a", "b").addToAnnotations("a", "b").endMetadata()
        .withNewSpec().withAutomountServiceAccountToken(false).withContainers(container).withInitContainers(container)
        .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
        .addNewVolume().withName("p").withNewPersistentVolumeClaim().withClaimName("p").endPersistentVolumeClaim().endVolume()
        .addNewVolume().withName("c").withNewConfigMap().withName("c").addNewItem().withKey("k").withPath("p").endItem().endConfigMap().endVolume()
        .addNewVolume().withName("s").withNewSecret().withSecretName("s").endSecret().endVolume()
        .addNewVolume().withName("e").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().endTemplate().endSpec().build();
    var service = new ServiceBuilder().withNewMetadata().withName("w").endMetadata()
        .withNewSpec().addToSelector("a", "b")
        .addNewPort().withName("p").withPort(80).withTargetPort(new IntOrString(80)).withProtocol("TCP").endPort()
        .endSpec().build();
    var claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("p").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi"))
        .endResources().endSpec().build();
    var configMap = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().addToData("k", "v").build();
    var secret = new SecretBuilder().withNewMetadata().withName("s").endMetadata().withType("Opaque")
        .addToStringData("k", "v").build();
    return List.of(deployment, service, claim, configMap, secret);
  }
}
