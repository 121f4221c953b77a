package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * {@code container_name}: pods get generated names on Kubernetes and are reached through the
 * Service named after the compose service. (A reference to the container name from another
 * service is the {@code container-name-reference} rule's.)
 */
@RuleInfo(
    id = "container-name",
    summary = "container_name has no meaning on Kubernetes: pods get generated names.",
    remediation = "Remove container_name and reach the service by its service name.",
    severity = Severity.INFO,
    category = Category.MIGRATION)
public final class ContainerName implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Service s : ctx.services()) {
      if (s.identity().containerName() == null || s.identity().containerName().isEmpty()) continue;
      ctx.report(s.path("container_name"), s.name(), "service \"" + s.name() + "\" sets container_name \""
          + s.identity().containerName() + "\": pods get generated names; other pods reach it through the Service \"" + s.name() + "\""
          + (s.identity().containerName().equals(s.name()) ? "" : " and, where the container name is a DNS label, an alias Service \""
              + s.identity().containerName() + "\" (network-alias)"));
    }
  }
}
