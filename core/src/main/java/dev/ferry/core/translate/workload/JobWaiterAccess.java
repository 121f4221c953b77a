package dev.ferry.core.translate.workload;

import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.translate.TranslationContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * What an initContainer waiting for a Job may use: the project's job-waiter ServiceAccount with a Role
 * that may only read Jobs, and a projected token volume mounted into that initContainer alone.
 */
final class JobWaiterAccess {
  private JobWaiterAccess() {}

  /** A projected service-account token for the waiting initContainer only. */
  static Volume tokenVolume() {
    return new VolumeBuilder().withName(DependencyWaits.TOKEN_VOLUME).withNewProjected()
        .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3600L).endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().endSource()
        .endProjected().build();
  }

  /** The project's job-waiter ServiceAccount, Role (read Jobs) and RoleBinding, emitted once. */
  static String serviceAccount(TranslationContext ctx) {
    String project = ctx.project().name() == null ? "app" : ctx.project().name();
    String name = Naming.sanitize(project + "-job-waiter");
    if (ctx.emitted("ServiceAccount", name)) return name;
    List<HasMetadata> objs = List.of(
        new ServiceAccountBuilder().withMetadata(ctx.meta(name, name, "job-waiter")).withAutomountServiceAccountToken(false).build(),
        new RoleBuilder().withMetadata(ctx.meta(name, name, "job-waiter"))
            .addNewRule().withApiGroups("batch").withResources("jobs").withVerbs("get", "list", "watch").endRule().build(),
        new RoleBindingBuilder().withMetadata(ctx.meta(name, name, "job-waiter"))
            .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
            .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(ctx.options().namespace()).endSubject()
            .build());
    for (HasMetadata o : objs) {
      ctx.emit(o);
      ctx.provenance().defaulted(o.getKind(), name, "", "lets initContainers wait for Jobs (service_completed_successfully); may only read Jobs");
    }
    return name;
  }
}
