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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Environment environment = environment(ctx, s, scope);
    FileValues files = envFiles(ctx, s);
    List<EnvFromSource> from = new ArrayList<>();
    if (!files.plain().isEmpty()) from.add(emitConfigMap(ctx, s, name, files.plain()));
    Map<String, String> allSecret = new LinkedHashMap<>(files.secret());
    allSecret.putAll(environment.secret());
    String secretName = allSecret.isEmpty() ? null : emitSecret(ctx, s, name, allSecret, environment.secret().keySet());
    if (secretName != null && !files.secret().isEmpty()) {
      from.add(new EnvFromSourceBuilder().withNewSecretRef().withName(secretName).endSecretRef().build());
    }
    return new Env(withSecretRefs(environment.env(), environment.secret().keySet(), secretName), from);
  }

  /**
   * The {@code environment} entries in order: a literal value as an env entry; a secret-looking one
   * as a placeholder (null) in {@code env}, its value in {@code secret}, in the same order.
   */
  private record Environment(List<EnvVar> env, Map<String, String> secret) {}

  /** The env_file values (a later file wins): plain ones for the ConfigMap, secret-looking ones for the Secret. */
  private record FileValues(Map<String, String> plain, Map<String, String> secret) {}

  private static Environment environment(TranslationContext ctx, Service s, Scope scope) {
    Map<String, String> secret = new LinkedHashMap<>();
    List<EnvVar> env = new ArrayList<>();
    for (Map.Entry<String, String> e : s.execution().environment().entrySet()) {
      if (e.getValue() == null) continue; // "- FOO" with FOO unset: compose does not set it either
      ModelPath at = s.path("environment").key(e.getKey());
      String v = rewrite(ctx, s, e.getKey(), e.getValue(), at);
      if (secret(e.getKey(), v) && KEY.matcher(e.getKey()).matches()) {
        secret.put(e.getKey(), v);
        env.add(null); // placeholder, filled once the Secret's name is known
      } else {
        env.add(new EnvVar(e.getKey(), KubeExpansion.escape(v), null));
      }
      scope.from(ctx, "env[" + (env.size() - 1) + "]", at);
    }
    return new Environment(env, secret);
  }

  /** Reads every env_file; a variable that cannot be a ConfigMap key is reported and left out. */
  private static FileValues envFiles(TranslationContext ctx, Service s) {
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, String> secret = new LinkedHashMap<>();
    for (EnvFile f : s.execution().envFiles()) {
      for (Map.Entry<String, String> e : f.values().entrySet()) {
        String v = e.getValue() == null ? "" : rewrite(ctx, s, e.getKey(), e.getValue(), f.modelPath());
        if (!KEY.matcher(e.getKey()).matches()) {
          ctx.report("not-translatable", Severity.WARNING, f.modelPath(), s.name(),
              "variable '" + e.getKey() + "' from " + f.path() + " is not a valid ConfigMap key; it is left out");
          continue;
        }
        if (secret(e.getKey(), v)) {
          secret.put(e.getKey(), v);
          plain.remove(e.getKey());
        } else {
          plain.put(e.getKey(), v);
          secret.remove(e.getKey());
        }
      }
    }
    return new FileValues(plain, secret);
  }

  /** The plain env_file values as a ConfigMap; the envFrom entry that reads it. */
  private static EnvFromSource emitConfigMap(TranslationContext ctx, Service s, String name, Map<String, String> plain) {
    String cm = ctx.claimName("ConfigMap", name + "-env");
    ctx.emit(new ConfigMapBuilder().withMetadata(ctx.meta(cm, name, null)).withData(new LinkedHashMap<>(plain)).build());
    ctx.provenance().from("ConfigMap", cm, "", s.path("env_file"));
    ctx.provenance().from("ConfigMap", cm, "data", s.path("env_file"),
        "env_file values go to a ConfigMap the container reads with envFrom; environment entries win over them");
    return new EnvFromSourceBuilder().withNewConfigMapRef().withName(cm).endConfigMapRef().build();
  }

  /** The secret-looking values as one Secret, each key's provenance its environment entry or env_file; its name. */
  private static String emitSecret(TranslationContext ctx, Service s, String name, Map<String, String> values,
      Set<String> fromEnvironment) {
    String secretName = ctx.claimName("Secret", name + "-env");
    ctx.emit(new SecretBuilder().withMetadata(ctx.meta(secretName, name, null)).withType("Opaque")
        .withStringData(values).build());
    ModelPath source = s.has("environment") ? s.path("environment") : s.path("env_file");
    ctx.provenance().from("Secret", secretName, "", source);
    ctx.provenance().from("Secret", secretName, "stringData", source,
        "secret-looking values move to a Secret, so no secret sits in the Pod spec");
    for (String k : values.keySet()) {
      ModelPath at = fromEnvironment.contains(k) ? s.path("environment").key(k) : s.path("env_file");
      ctx.provenance().from("Secret", secretName, ModelPath.of("stringData", k).toString(), at);
    }
    return secretName;
  }

  /** {@code env} with each placeholder (null) replaced by a secretKeyRef to the next of {@code keys}. */
  private static List<EnvVar> withSecretRefs(List<EnvVar> env, Set<String> keys, String secretName) {
    List<EnvVar> out = new ArrayList<>(env);
    Iterator<String> next = keys.iterator();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) != null) continue;
      String key = next.next();
      out.set(i, new EnvVarBuilder().withName(key).withNewValueFrom().withNewSecretKeyRef()
          .withName(secretName).withKey(key).endSecretKeyRef().endValueFrom().build());
    }
    return out;
  }

  /** A secret-looking name with a secret-looking value, or a URL that carries a password. */
  static boolean secret(String key, String value) {
    return SecretClassifier.isSecret(key, value);
  }

  /** Rewrites references to renamed services in one value; reports each rewrite. */
  static String rewrite(TranslationContext ctx, Service s, String key, String value, ModelPath at) {
    if (!ctx.renamesAny()) return value;
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
