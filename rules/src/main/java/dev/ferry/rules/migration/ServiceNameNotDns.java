package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.core.translate.network.Naming;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A service name that is not an RFC 1035 label (what a Kubernetes Service name must be):
 * underscores, capitals, dots, a leading digit, or more than 63 characters. The new name is the
 * one {@code convert} uses ({@link Naming}).
 */
@RuleInfo(
    id = "service-name-not-dns",
    summary = "A service name is not a valid DNS label, so its Kubernetes Service gets another name.",
    remediation = "Rename the service to lower-case letters, digits and '-' (e.g. postgres_db -> postgres-db),"
        + " and update the places that reach it by name.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class ServiceNameNotDns implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    if (ctx.project() == null) return;
    Naming naming = Naming.of(ctx.project());
    for (Service s : ctx.services()) {
      String name = s.name();
      if (Naming.isLabel(name)) continue;
      out.report(s.path(), name, "service name \"" + name + "\" is not a valid DNS label (" + String.join(", ", reasons(name))
          + "): the Kubernetes Service will be named \"" + naming.of(name) + "\" and references in environment values"
          + " rewritten; names in config files, code and mounted files are not");
    }
    out.flush();
  }

  static List<String> reasons(String name) {
    List<String> out = new ArrayList<>();
    if (name.length() > 63) out.add("longer than 63 characters");
    if (name.indexOf('_') >= 0) out.add("contains '_'");
    if (name.indexOf('.') >= 0) out.add("contains '.'");
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) out.add("has capitals");
    if (!name.isEmpty() && !Character.isLetter(name.charAt(0))) out.add("does not start with a letter");
    if (name.endsWith("-")) out.add("ends with '-'");
    if (out.isEmpty()) out.add("has characters other than a-z, 0-9 and '-'");
    return out;
  }
}
