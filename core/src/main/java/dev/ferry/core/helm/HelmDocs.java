package dev.ferry.core.helm;

/** docs/helm.md, generated from {@link ValuesReference} so the reference cannot drift from the charts. */
public final class HelmDocs {
  static final String RELATION = """
      ## How the chart relates to `ferry convert`

      The templates are the objects `ferry convert` emits for the same input, with values taking over
      where a setting is worth changing per install. With default values, `helm template` renders exactly
      those objects; only Helm's own metadata labels (`helm.sh/chart`, `app.kubernetes.io/managed-by`,
      `app.kubernetes.io/instance`) differ. Selectors are the same as convert's.

      - Object names are the compose service names, so `http://backend:8000` keeps working inside the
        release. `namePrefix` prefixes every name (to install the chart twice in one namespace) and adds
        the release to selectors; the chart rewrites references to its own objects (ConfigMaps, Secrets,
        claims, dependency waits) but not hostnames inside env values or config files, which you then set
        through `services.<svc>.env`.
      - `services.<svc>.enabled=false` removes that service's objects (workload, Service, Ingress, HPA, its
        env ConfigMap and Secret) and the dependency waits of other services on it.
      - Secrets: `secrets.<name>.stringData` defaults to what the compose project holds (literals in the
        compose file, contents of secret files), because convert emits them too. That keeps the default
        render equal to convert; before a real install, replace them (a private values file, `--set-file`)
        or point `secrets.<name>.existingSecret` at a Secret you manage.
      - `persistence.<volume>.enabled=false` replaces the PersistentVolumeClaim by an emptyDir. A volume
        mounted by several services is configured under the first one that mounts it.
      """;

  private HelmDocs() {}

  public static String markdown() {
    StringBuilder b = new StringBuilder("""
        # Helm charts: `ferry chart`

        <!-- Generated from dev.ferry.core.helm.ValuesReference by HelmDocsTest (-Dferry.golden.update=true); do not edit. -->

        `ferry chart -f compose.yaml -o chart/` writes a Helm chart (apiVersion v2) whose default render is
        the output of `ferry convert`: Chart.yaml, values.yaml (each default commented with the compose
        line it came from), values.schema.json (every value typed, unknown keys rejected), one template
        per service and kind under `templates/<service>/`, objects no single service owns under
        `templates/shared/`, `_helpers.tpl`, NOTES.txt (how to reach the app), .helmignore and a README.md
        listing every value with its default.

        Options: `--name` (chart name; default the project name, made DNS-safe), `--chart-version`
        (SemVer, default 0.1.0), `--app-version` (default: the image tag of the first service that
        publishes ports), plus the options of `ferry convert` (`--namespace`, `--bind-mounts`, ...).

        The charts pass `helm lint --strict` with Helm 3 and Helm 4; ferry's test suite checks, for every
        conversion test case, that `helm template` with default values renders the convert output, and
        that overrides (replicas, image tag, a disabled service, persistence off, an Ingress with a host)
        still render valid objects.

        values.schema.json (JSON Schema draft-07) writes what services have in common once, under
        `definitions`: `services.<svc>` is a `$ref` to the schema of its values (`#/definitions/service`,
        `service-2`, ... one per distinct set of keys), a service with volumes adds its own volume names
        with `allOf` (each a `$ref` to a `volume` definition), and each `secrets.<name>` refers to a
        `secret` definition. The constraints are those of each value below: unknown keys (a misspelt
        value, a volume the service does not have) and wrongly typed values are refused by `helm lint`,
        `helm template` and `helm install`, with the value's path in the message. A chart of 10,000
        services has a schema of 0.8 MB instead of 55 MB.

        """);
    b.append(RELATION.replace("## ", "## ")).append('\n');
    b.append("## Values reference\n\n`<svc>` is a compose service name as written in the compose file (use `--set services.<svc>.replicas=2`);"
        + " `<volume>` a PersistentVolumeClaim name; `<name>` a Secret name.\n\n| Value | Type | Meaning |\n| --- | --- | --- |\n");
    for (ValuesReference.Entry e : ValuesReference.ENTRIES) {
      b.append("| `").append(e.path()).append("` | `").append(e.schema().replace("|", "\\|")).append("` | ")
          .append(e.description().replace("|", "\\|")).append(" |\n");
    }
    return b.toString();
  }
}
