package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.ModelUse;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.Scope;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.tree.MapNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's {@code models}: compose starts the model in Docker Model Runner and gives the
 * service two variables, the endpoint ({@code endpoint_var}, default {@code <MODEL>_URL}) and the
 * model name ({@code model_var}, default {@code <MODEL>_MODEL}). ferry sets the same variables,
 * pointing at a model-serving Service: {@code x-ferry.endpoint} of the top-level model, by default
 * the Service {@code model-runner} (Docker Model Runner's OpenAI-compatible API, as Compose Bridge
 * deploys it; ferry emits it with {@code x-ferry.runner}, see {@link ModelRunner}); the model is the
 * model's {@code model} (or {@code x-ferry.model}). Both are literal env values, so they are chart
 * values ({@code services.<svc>.env}). Without the runner, serving the model is the user's (a finding).
 */
final class ModelEnv {
  static final String DEFAULT_ENDPOINT = "http://" + ModelRunner.NAME + "/engines/v1/";

  private ModelEnv() {}

  static List<EnvVar> map(TranslationContext ctx, Service s, Scope scope, int firstIndex) {
    List<EnvVar> out = new ArrayList<>();
    MapNode top = ctx.project().tree().getMap("models");
    for (ModelUse u : s.execution().models()) {
      String key = u.model();
      MapNode model = top == null ? null : top.getMap(key);
      if (model == null) {
        ctx.report("model-endpoint", Severity.ERROR, u.path(), s.name(), "service \"" + s.name()
            + "\" uses model \"" + key + "\", which the top-level models section does not define");
        continue;
      }
      MapNode steer = model.getMap("x-ferry");
      String endpoint = steer != null && steer.getString("endpoint") != null ? steer.getString("endpoint") : DEFAULT_ENDPOINT;
      String name = steer != null && steer.getString("model") != null ? steer.getString("model") : model.getString("model");
      String base = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      String urlVar = u.endpointVar() != null ? u.endpointVar() : base + "_URL";
      String modelVar = u.modelVar() != null ? u.modelVar() : base + "_MODEL";
      out.add(new EnvVar(urlVar, endpoint, null));
      scope.from(ctx, "env[" + (firstIndex + out.size() - 1) + "]", u.path(), "model " + key + ": the endpoint of"
          + " the model-serving Service (compose: Docker Model Runner)");
      out.add(new EnvVar(modelVar, name, null));
      scope.from(ctx, "env[" + (firstIndex + out.size() - 1) + "]", ModelPath.of("models", key, "model"));
      boolean steered = steer != null && steer.getString("endpoint") != null || ModelRunner.wanted(model);
      ctx.report("model-endpoint", steered ? Severity.INFO : Severity.WARNING, u.path(), s.name(),
          "service \"" + s.name() + "\" uses model \"" + key + "\" (" + name + "): " + urlVar + "=" + endpoint + " and "
              + modelVar + "=" + name + ". Compose runs the model in Docker Model Runner; on the cluster a model server"
              + " (Docker Model Runner, vLLM, Ollama or any OpenAI-compatible server) must serve it at that address"
              + (steered ? "" : " (set models." + key + ".x-ferry.runner: true to run Docker Model Runner there, or models." + key + ".x-ferry.endpoint, or the chart value services." + s.name()
                  + ".env." + urlVar + ")")
              + (model.has("context_size") || model.has("runtime_flags") ? "; context_size and runtime_flags are that"
                  + " server's settings" : ""));
    }
    return out;
  }
}
