package dev.ferry.core.translate.workload;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.TranslationContext;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional model-serving workload: when a top-level model says {@code x-ferry: {runner: true}}
 * (or {@code runner: {image: ...}}), ferry runs Docker Model Runner, the server compose itself uses
 * for models, as the Deployment and Service {@value #NAME} (port 80 to the runner's 12434), which
 * is where the services' endpoint variables point by default ({@link ModelEnv#DEFAULT_ENDPOINT}).
 * Pulling the models into it, storage and GPUs stay the user's (a finding says so).
 */
public final class ModelRunner {
  public static final String NAME = "model-runner";
  static final String DEFAULT_IMAGE = "docker/model-runner:latest";
  static final int PORT = 12434;

  private ModelRunner() {}

  /** Whether model {@code m} (a top-level model) asks for the runner. */
  static boolean wanted(MapNode model) {
    MapNode steer = model == null ? null : model.getMap("x-ferry");
    Node r = steer == null ? null : steer.get("runner");
    return r instanceof MapNode || r instanceof ScalarNode sc && "true".equals(sc.text());
  }

  public static void map(TranslationContext ctx) {
    MapNode models = ctx.project().tree().getMap("models");
    if (models == null) return;
    List<String> served = new ArrayList<>();
    String image = null;
    ModelPath first = null;
    for (MapNode.Entry e : models.entries()) {
      if (!(e.value() instanceof MapNode m) || !wanted(m)) continue;
      served.add(m.getString("model") == null ? e.key() : m.getString("model"));
      ModelPath at = ModelPath.of("models", e.key(), "x-ferry", "runner");
      if (first == null) first = at;
      if (m.getMap("x-ferry").get("runner") instanceof MapNode r && r.getString("image") != null && image == null) {
        image = r.getString("image");
      }
    }
    if (first == null) return;
    if (ctx.project().service(NAME) != null) {
      ctx.report("model-endpoint", Severity.WARNING, first, NAME, "the model runner is not emitted: the project has a"
          + " service named \"" + NAME + "\" already; set models.<name>.x-ferry.endpoint to the server's address");
      return;
    }
    String img = image == null ? DEFAULT_IMAGE : image;
    ctx.report("model-endpoint", Severity.INFO, first, NAME, "ferry runs Docker Model Runner (" + img + ") as the"
        + " Deployment and Service " + NAME + " for " + String.join(", ", served) + ": pull the models into it (docker"
        + " model pull with MODEL_RUNNER_HOST pointing at it, or POST /models/create), and give it storage and GPUs as"
        + " the models need" + (image == null ? "; pin the image with x-ferry.runner.image" : ""));
    ctx.emit(new DeploymentBuilder().withMetadata(ctx.meta(NAME, NAME, "model-runner")).withNewSpec().withReplicas(1)
        .withNewSelector().withMatchLabels(ctx.selector(NAME)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(ctx.labels(NAME, null)).endMetadata().withNewSpec()
        .withAutomountServiceAccountToken(false)
        .addNewContainer().withName(NAME).withImage(img)
        .addNewPort().withContainerPort(PORT).withName("http").endPort()
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).endSecurityContext()
        .endContainer()
        .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
        .endSpec().endTemplate().endSpec().build());
    ctx.emit(new ServiceBuilder().withMetadata(ctx.meta(NAME, NAME, null)).withNewSpec().withType("ClusterIP")
        .withSelector(ctx.selector(NAME))
        .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString(PORT)).endPort().endSpec().build());
    ctx.provenance().from("Deployment", NAME, "", first, "Docker Model Runner serves the models, as in compose");
    for (String f : List.of("apiVersion", "kind", "metadata.name")) {
      ctx.provenance().from("Deployment", NAME, f, first, "x-ferry.runner: Docker Model Runner as a Deployment");
    }
    ctx.provenance().from("Deployment", NAME, "spec", first, "one runner Pod (" + img + ") listening on " + PORT
        + ", Docker Model Runner's port; no service-account token, no privilege escalation, seccomp RuntimeDefault");
    ctx.provenance().from("Service", NAME, "", first, "the address the services' model endpoint variables point at");
  }
}
