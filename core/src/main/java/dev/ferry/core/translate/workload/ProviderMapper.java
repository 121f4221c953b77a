package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.translate.WorkloadPlan;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code provider} service is set up by an external component (a cloud database, a tunnel), not
 * run as a container: it becomes no workload and no Service. Compose hands the provider's outputs
 * to the services that depend on it as {@code <SERVICE>_<KEY>} variables; here those services read
 * them from an optional Secret named after the provider service, which whoever provisions the
 * resource on the cluster (an operator, a managed service, by hand) creates with those keys.
 */
public final class ProviderMapper {
  private ProviderMapper() {}

  public static boolean isProvider(Service s) {
    return WorkloadPlan.isProvider(s);
  }

  /** The finding on the provider service itself: nothing runs it on the cluster. */
  public static void report(TranslationContext ctx, Service s) {
    String type = s.identity().providerType();
    String secret = ctx.naming().of(s.name());
    String prefix = s.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    ctx.report("provider-service", Severity.WARNING, s.path("provider"), s.name(), "service \"" + s.name()
        + "\" is provided by \"" + type + "\" (a compose provider), not run as a container: ferry emits no workload"
        + " for it. Provision the resource on the cluster (an operator or a managed service) and put what its"
        + " dependants need to connect into the Secret \"" + secret + "\" with compose's variable names (" + prefix
        + "<KEY>); the services that depend on it read that Secret (optional) through envFrom");
  }

  /** envFrom entries for the providers {@code s} depends on, with their provenance. */
  static List<EnvFromSource> envFrom(TranslationContext ctx, Service s, Scope scope, int firstIndex) {
    List<EnvFromSource> out = new ArrayList<>();
    for (DependsOn d : s.health().dependsOn().values()) {
      Service dep = ctx.project().service(d.service());
      if (dep == null || !isProvider(dep)) continue;
      out.add(new EnvFromSourceBuilder().withNewSecretRef().withName(ctx.naming().of(dep.name())).withOptional(true)
          .endSecretRef().build());
      scope.from(ctx, "envFrom[" + (firstIndex + out.size() - 1) + "]", d.path(), "the outputs of provider service \""
          + dep.name() + "\" (compose sets them as " + dep.name().toUpperCase(Locale.ROOT) + "_<KEY>), from"
          + " the Secret whoever provisions it creates");
    }
    return out;
  }
}
