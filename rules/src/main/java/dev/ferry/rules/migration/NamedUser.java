package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;

/**
 * {@code user} given as a name ({@code node}, {@code www-data}, {@code 1000:staff}): Kubernetes'
 * runAsUser and runAsGroup take numbers only, so the user is left to the image. {@code root} is
 * uid 0 and not reported here (see {@code root-user}).
 */
@RuleInfo(
    id = "named-user",
    summary = "user is a name, which cannot become a numeric runAsUser/runAsGroup on Kubernetes.",
    remediation = "Use the numeric ids: user: \"1000:1000\" (look them up with `docker run --rm IMAGE id NAME`).",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class NamedUser implements Rule {
  @Override
  public void check(RuleContext ctx) {
    PerLine out = new PerLine(ctx);
    for (Service s : ctx.services()) {
      String user = s.user();
      if (user == null || user.isBlank()) continue;
      int colon = user.indexOf(':');
      String uid = (colon >= 0 ? user.substring(0, colon) : user).trim();
      String gid = colon >= 0 ? user.substring(colon + 1).trim() : null;
      boolean uidName = isName(uid);
      boolean gidName = gid != null && isName(gid);
      if (!uidName && !gidName) continue;
      String which = uidName && gidName ? "user \"" + uid + "\" and group \"" + gid + "\" are names"
          : uidName ? "user \"" + uid + "\" is a name" : "group \"" + gid + "\" is a name";
      out.report(s.path("user"), s.name(), "service \"" + s.name() + "\" runs as " + user + ": " + which
          + ", and Kubernetes runAsUser/runAsGroup take numeric ids, so the image's user applies and"
          + " runAsNonRoot cannot be verified");
    }
    out.flush();
  }

  /** Not a number and not root (which is known to be 0). */
  static boolean isName(String part) {
    return !part.isEmpty() && !part.equals("root") && !part.chars().allMatch(Character::isDigit);
  }
}
