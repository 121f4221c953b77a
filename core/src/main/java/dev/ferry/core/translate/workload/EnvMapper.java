package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.knowledge.SecretClassifier;
import dev.ferry.core.model.EnvFile;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.knowledge.HostReferences;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import dev.ferry.core.text.KubeExpansion;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code environment} and {@code env_file}. Environment entries keep their order as container
 * {@code env}; a secret-looking variable (PASSWORD, TOKEN, API_KEY...) with a literal value moves
 * to a Secret and is referenced with secretKeyRef, so no secret value sits in a Pod spec. env_file
 * values go to a ConfigMap (plain) and a Secret (secret-looking), both via {@code envFrom}; as in
 * compose, {@code environment} wins over env_file (on Kubernetes, env wins over envFrom). Host
 * references to renamed services (postgres_db → postgres-db) are rewritten, each reported.
 */
public final class EnvMapper {
  /** ConfigMap keys (and so envFrom variables) must match this. */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  /** The container's env and envFrom. */
  public record Env(List<EnvVar> env, List<EnvFromSource> envFrom) {}

  private EnvMapper() {}

  public static Env map(TranslationContext ctx, Service s, String name, Scope scope) {
    Map<String, String> secret = new LinkedHashMap<>();
    Map<String, String> plain = new LinkedHashMap<>();
    String secretName = null;
    List<EnvVar> env = new ArrayList<>();
    List<String[]> envRefs = new ArrayList<>();
    for (Map.Entry<String, String> e : s.environment().entrySet()) {
      if (e.getValue() == null) continue; // "- FOO" with FOO unset: compose does not set it either
      ModelPath at = s.path("environment").key(e.getKey());
      String v = rewrite(ctx, s, e.getKey(), e.getValue(), at);
      if (secret(e.getKey(), v) && KEY.matcher(e.getKey()).matches()) {
        secret.put(e.getKey(), v);
        envRefs.add(new String[] {e.getKey()});
        env.add(null); // placeholder, filled once the Secret's name is known
      } else {
        env.add(new EnvVarBuilder().withName(e.getKey()).withValue(KubeExpansion.escape(v)).build());
      }
      scope.from(ctx, "env[" + (env.size() - 1) + "]", at);
    }
    Map<String, String> fileSecret = new LinkedHashMap<>();
    for (EnvFile f : s.envFiles()) {
      for (Map.Entry<String, String> e : f.values().entrySet()) {
        String v = e.getValue() == null ? "" : rewrite(ctx, s, e.getKey(), e.getValue(), f.modelPath());
        if (!KEY.matcher(e.getKey()).matches()) {
          ctx.report("not-translatable", Severity.WARNING, f.modelPath(), s.name(),
              "variable '" + e.getKey() + "' from " + f.path() + " is not a valid ConfigMap key; it is left out");
          continue;
        }
        if (secret(e.getKey(), v)) {
          fileSecret.put(e.getKey(), v);
          plain.remove(e.getKey());
        } else {
          plain.put(e.getKey(), v);
          fileSecret.remove(e.getKey());
        }
      }
    }
    List<EnvFromSource> from = new ArrayList<>();
    if (!plain.isEmpty()) {
      String cm = ctx.claimName("ConfigMap", name + "-env");
      ctx.emit(new ConfigMapBuilder().withMetadata(ctx.meta(cm, name, null)).withData(new LinkedHashMap<>(plain)).build());
      from.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(cm).endConfigMapRef().build());
      ctx.provenance().from("ConfigMap", cm, "", s.path("env_file"));
      ctx.provenance().from("ConfigMap", cm, "data", s.path("env_file"),
          "env_file values go to a ConfigMap the container reads with envFrom; environment entries win over them");
    }
    Map<String, String> allSecret = new LinkedHashMap<>(fileSecret);
    allSecret.putAll(secret);
    if (!allSecret.isEmpty()) {
      secretName = ctx.claimName("Secret", name + "-env");
      ctx.emit(new SecretBuilder().withMetadata(ctx.meta(secretName, name, null)).withType("Opaque")
          .withStringData(allSecret).build());
      ctx.provenance().from("Secret", secretName, "", s.has("environment") ? s.path("environment") : s.path("env_file"));
      ctx.provenance().from("Secret", secretName, "stringData", s.has("environment") ? s.path("environment") : s.path("env_file"),
          "secret-looking values move to a Secret, so no secret sits in the Pod spec");
      for (String k : allSecret.keySet()) {
        ModelPath at = secret.containsKey(k) ? s.path("environment").key(k) : s.path("env_file");
        ctx.provenance().from("Secret", secretName, ModelPath.of("stringData", k).toString(), at);
      }
      if (!fileSecret.isEmpty()) {
        from.add(new EnvFromSourceBuilder().withNewSecretRef().withName(secretName).endSecretRef().build());
      }
    }
    int r = 0;
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i) != null) continue;
      String key = envRefs.get(r++)[0];
      env.set(i, new EnvVarBuilder().withName(key).withNewValueFrom().withNewSecretKeyRef()
          .withName(secretName).withKey(key).endSecretKeyRef().endValueFrom().build());
    }
    return new Env(env, from);
  }

  /** A secret-looking name with a secret-looking value, or a URL that carries a password. */
  static boolean secret(String key, String value) {
    return SecretClassifier.isSecret(key, value);
  }

  /** Rewrites references to renamed services in one value; reports each rewrite. */
  static String rewrite(TranslationContext ctx, Service s, String key, String value, ModelPath at) {
    String out = value;
    for (HostReferences.Ref ref : HostReferences.in(key, value, at)) {
      String target = ctx.naming().renamedNamedBy(ref.host());
      if (target == null) continue;
      String to = ctx.naming().of(target);
      Matcher m = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(ref.host()) + "(?![A-Za-z0-9_-])").matcher(out);
      String next = m.replaceAll(Matcher.quoteReplacement(to));
      if (!next.equals(out)) {
        ctx.report("reference-rewritten", Severity.INFO, at, s.name(),
            "'" + key + "' refers to service \"" + target + "\", whose Kubernetes name is \"" + to
                + "\": the reference is rewritten to " + to);
        out = next;
      }
    }
    return out;
  }
}
