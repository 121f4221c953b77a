package dev.ferry.core.translate.docs;

import dev.ferry.core.knowledge.ComposeKeys;
import dev.ferry.core.translate.KomposeLabels;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.storage.BindRow;
import dev.ferry.core.translate.storage.HostSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * docs/conversion.md and docs/steering.md, generated from the catalogues ({@link ComposeKeys},
 * {@link Steering}); a test fails when the committed files differ, so the docs cannot drift.
 */
public final class ReferenceDocs {
  private ReferenceDocs() {}

  /** The fate column: the treatment, and for an approximated key the findings that name the difference. */
  private static String fate(ComposeKeys.Key k) {
    String t = k.treatment().name().toLowerCase(Locale.ROOT);
    if (k.treatment() != ComposeKeys.Treatment.APPROXIMATED) return t;
    return t + " (" + String.join(", ", k.findings().stream().map(f -> "`" + f + "`").toList()) + ")";
  }

  public static String conversion() {
    StringBuilder b = new StringBuilder();
    b.append("# Conversion reference\n\n")
        .append("<!-- Generated from dev.ferry.core.knowledge.ComposeKeys by ReferenceDocsTest; do not edit by hand. -->\n\n")
        .append("What `ferry convert` makes of every service key of the compose-spec. **mapped**: translated to the\n")
        .append("Kubernetes field shown; **approximated**: translated to the closest Kubernetes form shown, and where the\n")
        .append("meaning changes the finding named beside it says how (a test checks that some conversion case reports\n")
        .append("that finding under the key); **loader**: resolved while loading; **ignored**: deliberately not translated,\n")
        .append("for the reason shown; **reported**: no Kubernetes equivalent, so every use is a `not-translatable`\n")
        .append("finding at its line. A test walks every service property of the compose-spec schema and fails when\n")
        .append("one is missing here.\n\n")
        .append("| compose key | fate | Kubernetes |\n| --- | --- | --- |\n");
    for (ComposeKeys.Key k : sorted(ComposeKeys.SERVICE)) {
      b.append("| `").append(k.name()).append("` | ").append(fate(k))
          .append(" | ").append(k.target().replace("|", "\\|")).append(" |\n");
    }
    b.append("\n## deploy\n\n| compose key | fate | Kubernetes |\n| --- | --- | --- |\n");
    for (ComposeKeys.Key k : sorted(ComposeKeys.DEPLOY)) {
      b.append("| `deploy.").append(k.name()).append("` | ").append(fate(k))
          .append(" | ").append(k.target()).append(" |\n");
    }
    b.append("\n## Top-level sections\n\n")
        .append("| compose | Kubernetes |\n| --- | --- |\n")
        .append("| `volumes` | one PersistentVolumeClaim per named volume (1Gi, ReadWriteOnce; ReadWriteMany when shared, a finding); a StatefulSet's own volumes become volumeClaimTemplates; external volumes are referenced, not emitted |\n")
        .append("| `configs` | one ConfigMap per config (file, content, environment), mounted with subPath |\n")
        .append("| `secrets` | one Secret per secret (file, environment), mounted at /run/secrets/<target> |\n")
        .append("| `networks` | with `--network-policies`: one NetworkPolicy per network (members only) |\n")
        .append("| `name` | label app.kubernetes.io/part-of on every object |\n")
        .append("\n## Bind mounts\n\n")
        .append("A host path does not exist on a cluster node, so each bind mount is decided by what its source is\n")
        .append("when ferry converts (`--bind-mounts auto`, the default). The rows are tried in order; each mount gets one\n")
        .append("`bind-mount` finding that says what it became (lint shows the same finding). Limits of a copy: files of\n")
        .append("at most " + HostSnapshot.MAX_BYTES + " bytes; directories of at most "
            + HostSnapshot.MAX_FILES + " regular files, "
            + HostSnapshot.MAX_BYTES + " bytes in all and "
            + HostSnapshot.MAX_DEPTH + " levels (a ConfigMap holds at most 1 MiB);\n")
        .append("symlinks and special files are not copied (named in the finding). Other modes: `configmap` copies every\n")
        .append("existing file or directory within the limits; `pvc` makes every directory a claim (files are still copied);\n")
        .append("`emptydir`, `hostpath` and `skip` do what they say for every mount. Per mount, `x-ferry.mounts.\"<target>\"`\n")
        .append("or the kompose volume labels steer the choice (docs/steering.md).\n\n")
        .append(BindRow.markdown())
        .append("\nA claim mounted at a database's data directory (postgres and postgis/timescaledb\n")
        .append("`/var/lib/postgresql/data`, mysql/mariadb/percona `/var/lib/mysql`, mongo `/data/db`) is mounted through a\n")
        .append("subPath named after that directory: a fresh volume's root holds `lost+found`, which postgres `initdb` and\n")
        .append("`mysqld --initialize` refuse. `x-ferry.mounts.\"<target>\".subPath: \"\"` turns it off.\n\n")
        .append("File modes of `configs` and `secrets` are read as compose reads them: `0440`, `0o440` and `\"0440\"` are\n")
        .append("octal (288), a plain `288` is decimal; anything else is an error at its position. `ferry config` prints the\n")
        .append("decimal value, which docker compose reads back the same. Bits beyond 0777 (setuid...) are a finding.\n")
        .append("\n## Choices ferry makes, and why\n\n")
        .append("- **Workload kind**: Deployment; DaemonSet for `deploy.mode: global`; Job for a service with\n")
        .append("  `restart: \"no\"` (or on-failure) that another service awaits with `service_completed_successfully`;\n")
        .append("  StatefulSet and CronJob only when steered (a database with a named volume gets a `statefulset-suggested` finding).\n")
        .append("- **Services**: the Service port is the container port (what other containers used: `db:5432`); a\n")
        .append("  published port that differs is offered too (`8080 → 80`), so both names keep working. Every long-running\n")
        .append("  service gets a Service: without declared ports, ports come from `host:port` references, then from its\n")
        .append("  image, else the Service is headless (`clusterIP: None`, no ports: the name resolves to the Pod, every\n")
        .append("  port reachable); a port others use but the service does not declare is offered too (`unreachable-service`\n")
        .append("  finding each time). A `container_name` that is a DNS label gets an alias Service; Jobs get no Service.\n")
        .append("- **Probes**: readiness = the healthcheck (a failing check removes the Pod from its Service, as \"unhealthy\"\n")
        .append("  does); liveness = a tcpSocket check of the first TCP port with 3× the retries (no liveness probe without\n")
        .append("  a TCP port). `start_period` becomes a startupProbe running the healthcheck's test every `start_interval`\n")
        .append("  (default 5s): failures during start-up do not count, readiness and liveness begin after its first success,\n")
        .append("  and its failureThreshold lasts start_period + retries × interval (when compose would call the container\n")
        .append("  unhealthy; the kubelet then restarts it). Compose never restarts an unhealthy container, and\n")
        .append("  re-running the healthcheck as liveness would (kube-score also rates identical probes critical). A\n")
        .append("  healthcheck with timings but no `test` (the image's HEALTHCHECK) gives no probes and a finding.\n")
        .append("  Defaults are compose's (30s interval and timeout, 3 retries).\n")
        .append("- **Disruption budget**: a Deployment or StatefulSet with 2+ replicas (or an HPA) gets a PodDisruptionBudget\n")
        .append("  with `maxUnavailable: 1`, so node drains evict its Pods one at a time; `x-ferry pdb: false` omits it.\n")
        .append("- **Start order**: `depends_on` → initContainers: `nc -z` against the dependency's Service (which only\n")
        .append("  routes to ready Pods) for started/healthy; `kubectl wait --for=condition=complete` for a Job, with a\n")
        .append("  Role that may only read Jobs and a token mounted into that initContainer alone.\n")
        .append("- **Security**: allowPrivilegeEscalation false unless privileged/SYS_ADMIN/`no-new-privileges:false`;\n")
        .append("  seccomp RuntimeDefault (Docker's default profile); automountServiceAccountToken false; never hostPort.\n")
        .append("- **Environment**: secret-looking variables (PASSWORD, TOKEN, API_KEY, URLs with a password...) go to a\n")
        .append("  Secret and are referenced with secretKeyRef; env_file values go to a ConfigMap/Secret via envFrom.\n")
        .append("  Kubernetes expands `$(VAR)` and reduces `$$` to `$` in command, args and env values; compose does not,\n")
        .append("  so ferry writes `$$(` and `$$$` there and the container sees exactly the compose string.\n")
        .append("- **Encoding**: manifests, charts and reports are UTF-8, on standard output as in files, whatever\n")
        .append("  the locale (under `LANG=C` Java's default is ASCII; ferry does not use it), so a value `héllo` reaches\n")
        .append("  `kubectl apply -f -` as `héllo`.\n")
        .append("- **Names**: service names that are not DNS-1123 labels are renamed (`postgres_db` → `postgres-db`)\n")
        .append("  everywhere, and host references in environment values are rewritten, each a finding.\n");
    return b.toString();
  }

  public static String steering() {
    StringBuilder b = new StringBuilder();
    b.append("# Steering: `x-ferry` and kompose labels\n\n")
        .append("<!-- Generated from dev.ferry.core.translate.Steering by ReferenceDocsTest; do not edit by hand. -->\n\n")
        .append("Where compose has no word for a Kubernetes choice, say it in an `x-ferry` block on the service (or at\n")
        .append("the top level for volumes). kompose's `kompose.*` labels are honoured too, so a kompose user migrates\n")
        .append("without rewriting; `x-ferry` wins when both are given. Steering labels are not copied to annotations.\n\n")
        .append("```yaml\nservices:\n  web:\n    image: example/web:1.0\n    ports: [\"8000:8000\"]\n    x-ferry:\n")
        .append("      replicas: 3\n      service: {type: LoadBalancer}\n      ingress: {host: shop.example.com, tls: shop-tls, className: nginx}\n")
        .append("      volumes:\n        uploads: {size: 5Gi, storageClass: fast-ssd}\n```\n\n")
        .append("## x-ferry keys (per service)\n\n| key | meaning |\n| --- | --- |\n");
    for (Map.Entry<String, String> e : new TreeMap<>(Steering.X_FERRY_KEYS).entrySet()) {
      b.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
    }
    b.append("\nAt the top level, `x-ferry.volumes.<name>.{size,storageClass,accessMode}` steers a named volume for\nevery service that uses it.\n");
    b.append("\nPer mount, `x-ferry.mounts` is keyed by the mount's target path (quote it). It steers bind mounts and\n")
        .append("anonymous volumes (type, size, storageClass, accessMode, subPath) and the subPath of named volumes. A\n")
        .append("value that cannot be used is a `steering-invalid` finding and is left out. Several services mounting the\n")
        .append("same host directory share one claim, sized by the first mount that says.\n\n")
        .append("```yaml\nservices:\n  db:\n    image: postgres:16.4\n    volumes: [\"./pgdata:/var/lib/postgresql/data\", \"/var/lib/postgresql/archive\"]\n")
        .append("    x-ferry:\n      mounts:\n        \"/var/lib/postgresql/data\": {size: 20Gi, storageClass: fast-ssd}\n")
        .append("        \"/var/lib/postgresql/archive\": {type: pvc, size: 50Gi, accessMode: ReadWriteOncePod}\n```\n");
    b.append("\nOn a top-level model, `models.<name>.x-ferry.endpoint` is the address of the model-serving Service the\n"
        + "services using the model get in their endpoint variable (default `http://model-runner/engines/v1/`,\n"
        + "Docker Model Runner's API), `models.<name>.x-ferry.model` the model name they get (default: `model`), and\n"
        + "`models.<name>.x-ferry.runner: true` (or `{image: ...}`) runs Docker Model Runner as the Deployment and\n"
        + "Service `model-runner` that default points at.\n");
    b.append("\n## kompose labels\n\n| label | ferry equivalent |\n| --- | --- |\n");
    for (KomposeLabels.Label l : kompose(true)) b.append("| `").append(l.name()).append("` | ").append(l.meaning()).append(" |\n");
    b.append("\nkompose labels ferry knows but does not honour (each use is a `steering-invalid` finding saying so):\n\n")
        .append("| label | why not |\n| --- | --- |\n");
    for (KomposeLabels.Label l : kompose(false)) b.append("| `").append(l.name()).append("` | ").append(l.meaning()).append(" |\n");
    b.append("\nHow kompose's behaviours are kept without a label: `kompose.service.type: headless` (and `service.type:\n")
        .append("Headless`) on a service without ports gives a headless Service without ports, as does any long-running\n")
        .append("service whose port cannot be known; `restart: \"no\"` on a Job or CronJob gives `restartPolicy: Never`\n")
        .append("(`on-failure` and the default give `OnFailure`); `-n NS` emits the Namespace object first, so `kubectl\n")
        .append("apply` works on a fresh cluster (a chart leaves the namespace to `helm install -n NS --create-namespace`).\n");
    return b.toString();
  }

  private static List<ComposeKeys.Key> sorted(List<ComposeKeys.Key> keys) {
    return keys.stream().sorted(Comparator.comparing(ComposeKeys.Key::name)).toList();
  }

  private static List<KomposeLabels.Label> kompose(boolean honoured) {
    return KomposeLabels.ALL.stream().filter(l -> l.honoured() == honoured)
        .sorted(Comparator.comparing(KomposeLabels.Label::name)).toList();
  }
}
