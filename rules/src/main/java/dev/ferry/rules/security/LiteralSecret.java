package dev.ferry.rules.security;

import dev.ferry.core.knowledge.SecretClassifier;
import dev.ferry.core.knowledge.SecretNames;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.EnvFile;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secret-looking variables ({@link SecretNames}) with a literal value: written in the compose file
 * (not produced by {@code ${VAR}} interpolation, which is checked on the file as parsed, before
 * interpolation) or read from an {@code env_file}; and URLs with an embedded password. The value
 * itself is never printed.
 */
@RuleInfo(
    id = "literal-secret",
    summary = "A secret-looking variable has a literal value in environment or in an env file.",
    remediation = "Pass the value from the shell or .env (KEY: ${KEY}) or use a compose secret; on Kubernetes"
        + " it belongs in a Secret referenced with secretKeyRef.",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class LiteralSecret implements Rule {
  private static final Pattern URL_PASSWORD = SecretClassifier.URL_CREDENTIALS;

  @Override
  public void check(RuleContext ctx) {
    Map<String, Map<Position, ScalarNode>> index = new HashMap<>();
    for (Service s : ctx.services()) {
      for (Map.Entry<String, String> e : s.execution().environment().entrySet()) {
        String key = e.getKey();
        String value = e.getValue();
        if (value == null || value.isEmpty()) continue;
        boolean secretName = SecretNames.isSecretName(key) && SecretNames.isSecretValue(value);
        boolean urlPassword = !secretName && SecretClassifier.isSecretValue(value);
        if (!secretName && !urlPassword) continue;
        ModelPath p = s.path("environment").key(key);
        if (!writtenLiterally(ctx, index, p, urlPassword)) continue;
        ctx.report(p, s.name(), "service \"" + s.name() + "\" sets " + key
            + (!urlPassword ? " to a literal value" : URL_PASSWORD.matcher(value).find() ? " to a URL with a literal password"
                : " to a literal credential (connection string or private key)")
            + ": it would end up in plain text in the manifests; on Kubernetes it belongs in a Secret");
      }
      for (EnvFile f : s.execution().envFiles()) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, String> e : f.values().entrySet()) {
          String v = e.getValue();
          if (v == null || v.isEmpty()) continue;
          if (SecretClassifier.isSecret(e.getKey(), v)) {
            keys.add(e.getKey());
          }
        }
        if (keys.isEmpty()) continue;
        ctx.report(f.modelPath(), s.name(), "service \"" + s.name() + "\" reads " + String.join(", ", keys)
            + " from env file " + f.path() + (keys.size() == 1 ? " as a literal value" : " as literal values")
            + ": an env file becomes a ConfigMap or plain env on Kubernetes; keep secrets in a Secret");
      }
    }
  }

  /**
   * Whether the value at {@code p} was written as a literal: the scalar in the file as parsed has a
   * value part without {@code $} (after {@code $$} escapes). A value read from the environment
   * ({@code - KEY} or {@code KEY:}) has no value part. When the parsed file is not available, the
   * value is taken as written.
   */
  private static boolean writtenLiterally(RuleContext ctx, Map<String, Map<Position, ScalarNode>> index, ModelPath p, boolean url) {
    Position pos = ctx.sourceMap().valuePosition(p);
    MapNode file = ctx.parsedFiles().get(pos.file());
    if (file == null) return true;
    ScalarNode raw = index.computeIfAbsent(pos.file(), f -> scalars(file)).get(pos);
    if (raw == null || raw.isNull()) return raw == null;
    String text = raw.asString();
    boolean listForm = ctx.sourceMap().position(p).equals(pos);
    if (listForm) {
      int eq = text.indexOf('=');
      if (eq < 0) return false;
      text = text.substring(eq + 1);
    }
    String unescaped = text.replace("$$", "");
    if (!url) return !unescaped.contains("$");
    // A URL may interpolate its host and keep a literal password: look at the userinfo only.
    var m = URL_PASSWORD.matcher(unescaped);
    if (!m.find()) return !unescaped.contains("$"); // a connection string or key: literal when nothing is interpolated
    return !m.group().contains("$");
  }

  private static Map<Position, ScalarNode> scalars(Node root) {
    Map<Position, ScalarNode> out = new HashMap<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, Map<Position, ScalarNode> out) {
    if (n instanceof ScalarNode s) {
      out.putIfAbsent(s.position(), s);
    } else if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) collect(e.value(), out);
    } else if (n instanceof SeqNode q) {
      for (Node i : q.items()) collect(i, out);
    }
  }
}
