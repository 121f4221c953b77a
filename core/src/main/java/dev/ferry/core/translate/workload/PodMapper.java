package dev.ferry.core.translate.workload;

import dev.ferry.core.model.Service;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadPlan;
import dev.ferry.core.translate.storage.FileObjects;
import dev.ferry.core.translate.storage.PodVolumes;
import dev.ferry.core.translate.storage.Storage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Pod template for a service and its sidecars (services with {@code network_mode: service:X}
 * share X's network namespace, which is exactly what a Pod is). Pod-level keys: host namespaces,
 * hostname, extra_hosts → hostAliases, dns* → dnsConfig, stop_grace_period, placement constraints
 * and platform → nodeSelector, labels → annotations, dependency waits; no service-account token.
 */
public final class PodMapper {

  private PodMapper() {}

  public static PodTemplateSpec map(TranslationContext ctx, WorkloadPlan plan, Service owner, Storage storage,
      FileObjects files, Scope scope, String restartPolicy) {
    Input in = new Input(ctx, plan, owner, members(ctx, plan, owner), ctx.naming().of(owner.name()), scope.at("spec"));
    PodVolumes vols = new PodVolumes();
    List<Container> containers = containers(in, storage, files, vols);
    DependencyWaits.Waits waits = DependencyWaits.map(ctx, plan, in.members(), in.podName(), in.spec());
    // set on the object, not through a PodSpecBuilder: its construction and build copy every list and map
    PodSpec spec = new PodSpec();
    List<Container> inits = initContainers(in, waits, containers);
    serviceAccount(in, waits, spec);
    List<Volume> volumes = volumes(in, vols, waits);
    if (restartPolicy != null) restartPolicy(in, restartPolicy, spec);
    PodSecurity.hostNamespaces(ctx, in.members(), spec, in.spec());
    PodDns.hostname(ctx, owner, spec, in.spec());
    PodDns.hostAliases(ctx, in.members(), spec, in.spec());
    PodDns.dns(owner, spec, ctx, in.spec());
    terminationGracePeriod(in, spec);
    PodPlacement.map(ctx, owner, in.podName(), in.spec(), spec);
    imagePullSecret(in, spec);
    spec.setSecurityContext(PodSecurity.context(ctx, plan, owner, in.members(), in.spec()));
    spec.setContainers(containers);
    if (!inits.isEmpty()) spec.setInitContainers(inits);
    if (!volumes.isEmpty()) spec.setVolumes(volumes);
    scope.defaulted(ctx, "metadata.labels", "the labels the workload's selector (and the Service) find these Pods by");
    Map<String, String> annotations = PodAnnotations.map(ctx, in.members());
    if (annotations != null) PodAnnotations.sources(ctx, in.members(), scope);
    ObjectMeta meta = new ObjectMeta();
    meta.setLabels(ctx.labels(in.podName(), null));
    meta.setAnnotations(annotations == null ? null : new LinkedHashMap<>(annotations));
    return new PodTemplateSpec(meta, spec);
  }

  /** The services of one Pod: the owner, its sidecars, the Pod's name and the provenance scope of its spec. */
  private record Input(TranslationContext ctx, WorkloadPlan plan, Service owner, List<Service> members, String podName,
      Scope spec) {}

  /** The owner first, then the services that share its network namespace ({@code network_mode: service:owner}). */
  private static List<Service> members(TranslationContext ctx, WorkloadPlan plan, Service owner) {
    List<Service> members = new ArrayList<>();
    members.add(owner);
    for (String sc : plan.sidecarsOf(owner.name())) members.add(ctx.project().service(sc));
    return members;
  }

  /** One container per member, in member order; each sidecar's provenance says why it is in this Pod. */
  private static List<Container> containers(Input in, Storage storage, FileObjects files, PodVolumes vols) {
    List<Container> containers = new ArrayList<>();
    for (Service m : in.members()) {
      Scope cs = in.spec().at("containers[" + containers.size() + "]");
      containers.add(ContainerMapper.map(in.ctx(), in.plan(), m, in.podName(), storage, files, vols, cs));
      if (m != in.owner()) {
        cs.from(in.ctx(), "", m.path("network_mode"), "network_mode: service:" + in.owner().name()
            + " shares " + in.owner().name() + "'s network namespace: on Kubernetes, a second container in its Pod");
      }
    }
    return containers;
  }

  /** The dependency waits, then each member's pre_start hooks, then kompose's init container. */
  private static List<Container> initContainers(Input in, DependencyWaits.Waits waits, List<Container> containers) {
    List<Container> inits = new ArrayList<>(waits.initContainers());
    for (int i = 0; i < in.members().size(); i++) {
      inits.addAll(PreStartMapper.map(in.ctx(), in.members().get(i), containers.get(i), in.spec(), inits.size(),
          in.owner().replicas()));
    }
    Steering st = in.plan().steering(in.owner().name());
    Container komposeInit = KomposePod.initContainer(in.ctx(), in.owner(), st, in.spec(), inits.size());
    if (komposeInit != null) inits.add(komposeInit);
    return inits;
  }

  /** No service-account token in the Pod; only a Job-waiting initContainer gets an account, and mounts its token. */
  private static void serviceAccount(Input in, DependencyWaits.Waits waits, PodSpec b) {
    b.setAutomountServiceAccountToken(false);
    in.spec().defaulted(in.ctx(), "automountServiceAccountToken",
        "compose containers have no Kubernetes API token; neither do these Pods");
    if (waits.serviceAccount() == null) return;
    b.setServiceAccountName(waits.serviceAccount());
    in.spec().defaulted(in.ctx(), "serviceAccountName", "the initContainer that waits for a Job"
        + " (service_completed_successfully) needs a token that may read Jobs; only that initContainer mounts it");
  }

  /** The volumes the containers mount, each from its compose source, then the Job-wait token volume. */
  private static List<Volume> volumes(Input in, PodVolumes vols, DependencyWaits.Waits waits) {
    List<Volume> volumes = new ArrayList<>();
    List<ModelPath> sources = vols.sources();
    List<Volume> all = vols.all();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == null) continue;
      volumes.add(all.get(i));
      in.spec().from(in.ctx(), "volumes[" + (volumes.size() - 1) + "]", sources.get(i));
    }
    if (waits.tokenVolume() != null) {
      volumes.add(waits.tokenVolume());
      in.spec().defaulted(in.ctx(), "volumes[" + (volumes.size() - 1) + "]", "a short-lived service-account token"
          + " for the initContainer that waits for a Job; the app containers get none");
    }
    return volumes;
  }

  /** A Job's Pod: Never for {@code restart: "no"}, else OnFailure. */
  private static void restartPolicy(Input in, String restartPolicy, PodSpec b) {
    b.setRestartPolicy(restartPolicy);
    if (restartPolicy.equals("Never")) {
      in.spec().from(in.ctx(), "restartPolicy", in.owner().path("restart"), "restart: \"no\": a failed run's container"
          + " is not restarted in place (the Job may start a new Pod, up to its backoffLimit)");
    } else {
      in.spec().defaulted(in.ctx(), "restartPolicy", "a Job's Pod must not restart forever: OnFailure retries a"
          + " failed run up to the Job's backoffLimit");
    }
  }

  /** The longest stop_grace_period of the members, if any sets one. */
  private static void terminationGracePeriod(Input in, PodSpec b) {
    long grace = -1;
    for (Service m : in.members()) {
      if (m.execution().stopGracePeriod() != null) grace = Math.max(grace, Durations.seconds(m.execution().stopGracePeriod(), 0));
    }
    if (grace < 0) return;
    b.setTerminationGracePeriodSeconds(grace);
    in.spec().from(in.ctx(), "terminationGracePeriodSeconds", in.owner().path("stop_grace_period"));
  }

  /** The image pull secret the owner's steering names. */
  private static void imagePullSecret(Input in, PodSpec b) {
    Steering.Value secret = in.plan().steering(in.owner().name()).get("imagePullSecret");
    if (secret == null) return;
    b.setImagePullSecrets(new ArrayList<>(List.of(new LocalObjectReference(secret.text()))));
    in.spec().from(in.ctx(), "imagePullSecrets", secret.path());
  }
}
