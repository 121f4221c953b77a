package dev.ferry.rules.security;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Service;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.OptionType;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service that runs as root: {@code user} is absent (the image's USER decides, root by default)
 * or names root ({@code root}, {@code 0}, {@code 0:0}, {@code root:root}). Images known to run as a
 * non-root user are skipped when {@code user} is absent; option {@code nonRootImages} (a list of
 * repository names, {@code *} as a suffix wildcard) adds to that list.
 */
@RuleInfo(
    id = "root-user",
    summary = "A service runs as root, or sets no user and relies on the image.",
    remediation = "Set user: \"<uid>:<gid>\" with a numeric non-root uid (it becomes runAsUser/runAsGroup,"
        + " and runAsNonRoot can then be enforced).",
    severity = Severity.WARNING,
    category = Category.SECURITY,
    options = @RuleOption(name = "nonRootImages", type = OptionType.STRING_LIST, defaultValue = "",
        description = "Images known to run as a non-root user (repository names, * as a wildcard), added to ferry's list."))
public final class RootUser implements Rule {
  /** Official images whose default USER is not root (repository short or full name; * suffix wildcard). */
  static final List<String> NON_ROOT_IMAGES = List.of(
      "bitnami/*", "*-unprivileged", "gcr.io/distroless/*:nonroot", "grafana/grafana", "grafana/grafana-oss",
      "grafana/grafana-enterprise", "prom/prometheus", "prom/alertmanager", "prom/node-exporter",
      "prom/blackbox-exporter", "prom/pushgateway", "docker.elastic.co/elasticsearch/elasticsearch",
      "docker.elastic.co/kibana/kibana", "docker.elastic.co/logstash/logstash", "jenkins/jenkins",
      "sonarqube", "quay.io/keycloak/keycloak", "mcr.microsoft.com/mssql/server",
      "docker.n8n.io/n8nio/n8n", "n8nio/n8n", "confluentinc/*");

  @Override
  public void check(RuleContext ctx) {
    List<String> given = new ArrayList<>(NON_ROOT_IMAGES);
    given.addAll(ctx.options().list("nonRootImages"));
    List<ImagePattern> nonRoot = compile(given);
    for (Service s : ctx.services()) {
      String user = s.security().user();
      if (user == null || user.isBlank()) {
        if (s.identity().image() != null && matchesAny(s.identity().image().raw(), nonRoot)) continue;
        ctx.report(s.path(), s.name(),
            "service \"" + s.name() + "\" sets no user: it runs as root unless the image sets a non-root USER;"
                + " without a numeric user no runAsUser can be set on Kubernetes");
      } else if (isRoot(user)) {
        ctx.report(s.path("user"), s.name(),
            "service \"" + s.name() + "\" runs as root (user: " + user + "); Kubernetes namespaces that"
                + " enforce runAsNonRoot or the 'restricted' Pod Security level reject it");
      }
    }
  }

  /** root, 0, root:x, 0:x (the uid part decides). */
  static boolean isRoot(String user) {
    String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    uid = uid.trim();
    return uid.equals("root") || uid.equals("0");
  }

  /**
   * One image pattern, lower-cased, with its three spellings (as written, under docker.io/, under
   * docker.io/library/) split at the star once, not per service.
   */
  record ImagePattern(boolean withTag, List<Glob> forms) {}

  /** {@code prefix*suffix}, or an exact name when {@code exact}. */
  record Glob(boolean exact, String prefix, String suffix) {
    static Glob of(String pattern) {
      int star = pattern.indexOf('*');
      return star < 0 ? new Glob(true, pattern, "") : new Glob(false, pattern.substring(0, star), pattern.substring(star + 1));
    }

    boolean matches(String subject) {
      return exact ? subject.equals(prefix) : subject.startsWith(prefix) && subject.endsWith(suffix);
    }
  }

  static List<ImagePattern> compile(List<String> patterns) {
    List<ImagePattern> out = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      String pat = p.toLowerCase(Locale.ROOT);
      out.add(new ImagePattern(stripTag(pat).length() != pat.length(),
          List.of(Glob.of(pat), Glob.of("docker.io/" + pat), Glob.of("docker.io/library/" + pat))));
    }
    return out;
  }

  static boolean matchesAny(String image, List<ImagePattern> patterns) {
    String img = image.toLowerCase(Locale.ROOT);
    String noTag = stripTag(img);
    for (ImagePattern p : patterns) {
      String subject = p.withTag() ? img : noTag;
      for (Glob g : p.forms()) if (g.matches(subject)) return true;
    }
    return false;
  }

  private static String stripTag(String image) {
    String s = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = s.lastIndexOf(':');
    return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
  }
}
