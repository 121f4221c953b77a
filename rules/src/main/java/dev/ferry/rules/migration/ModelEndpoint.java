package dev.ferry.rules.migration;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.DiagnosticRule;

/** A service's models entry (list or map form). ferry sets the endpoint and model variables (endpoint_var/model_var, default <MODEL>_URL/<MODEL>_MODEL). Reported at the entry: a warning while the endpoint is ferry's default, info once x-ferry.endpoint names one; an error when the model is not defined at the top level. Reported by the conversion (the mapper that knows it), at the offending position. */
@RuleInfo(
    id = "model-endpoint",
    summary = "A service uses a compose model: on Kubernetes a model server must serve it at the endpoint ferry sets.",
    remediation = "Deploy a model server (Docker Model Runner, vLLM, Ollama or any OpenAI-compatible server) and set models.<name>.x-ferry.endpoint (or the chart value) to its address.",
    severity = Severity.WARNING,
    category = Category.MIGRATION)
public final class ModelEndpoint extends DiagnosticRule {}
