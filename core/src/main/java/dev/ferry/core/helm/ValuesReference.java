package dev.ferry.core.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every value a ferry chart has: its path pattern ({@code <svc>}, {@code <volume>}, {@code <name>},
 * {@code <key>} stand for one key), JSON-schema type and meaning. One table feeds
 * {@code values.schema.json}, the chart's README.md and docs/helm.md, so they cannot drift apart.
 */
public final class ValuesReference {
  /** One value: path pattern, schema (a JSON fragment), description. */
  public record Entry(String path, String schema, String description) {}

  static final String STRING = "{\"type\":\"string\"}";
  static final String BOOL = "{\"type\":\"boolean\"}";
  static final String OBJECT = "{\"type\":\"object\"}";
  static final String ARRAY = "{\"type\":\"array\"}";
  static final String SCALAR = "{\"type\":[\"string\",\"number\",\"boolean\"]}";

  public static final List<Entry> ENTRIES = List.of(
      new Entry("namePrefix", "{\"type\":\"string\",\"pattern\":\"^([a-z]([-a-z0-9]*[a-z0-9])?-?)?$\",\"maxLength\":40}",
          "Prefix for every object name (e.g. `blue-`), so the chart can be installed twice in one namespace. Also adds"
              + " `app.kubernetes.io/instance` to selectors. Default empty: objects keep the compose service names, so"
              + " `http://backend:8000` inside the release keeps resolving. With a prefix, the chart rewrites its own"
              + " references (ConfigMaps, Secrets, claims, dependency waits) but not URLs inside env values and"
              + " config files: set those through `services.<svc>.env`."),
      new Entry("imagePullSecrets", ARRAY, "Pull secrets added to every Pod, e.g. `[{name: regcred}]`."),
      new Entry("commonLabels", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
          "Labels added to every object's metadata (not to selectors)."),
      new Entry("services.<svc>.enabled", BOOL,
          "Render this service's objects. false removes its workload, Service, Ingress, HPA and its own ConfigMaps and"
              + " Secrets; other services' dependency waits for it are dropped too."),
      new Entry("services.<svc>.image.repository", "{\"type\":\"string\",\"minLength\":1}", "Image repository (with registry)."),
      new Entry("services.<svc>.image.tag", "{\"type\":[\"string\",\"number\"]}", "Image tag; empty for none."),
      new Entry("services.<svc>.image.digest", STRING, "Image digest (`sha256:...`); empty for none."),
      new Entry("services.<svc>.image.pullPolicy", "{\"enum\":[\"\",\"Always\",\"IfNotPresent\",\"Never\"]}",
          "imagePullPolicy; empty leaves Kubernetes' default."),
      new Entry("services.<svc>.replicas", "{\"type\":\"integer\",\"minimum\":0}", "Pod replicas (Deployments and StatefulSets)."),
      new Entry("services.<svc>.resources", OBJECT, "Container resources (`requests`, `limits`)."),
      new Entry("services.<svc>.env", "{\"type\":\"object\",\"additionalProperties\":" + SCALAR + "}",
          "Plain (non-secret) environment variables of the service's container; keys added here are appended."
              + " Secret-looking values live in `secrets.<name>`, env_file contents in the `<svc>-env` ConfigMap."),
      new Entry("services.<svc>.env.<key>", SCALAR, "One environment variable."),
      new Entry("services.<svc>.service.type", "{\"enum\":[\"ClusterIP\",\"NodePort\",\"LoadBalancer\"]}", "Service type."),
      new Entry("services.<svc>.service.ports", "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"port\"]}}",
          "Service ports (`name`, `port`, `targetPort`, `protocol`, `nodePort`); empty for a headless Service (no known port)."),
      new Entry("services.<svc>.ingress.enabled", BOOL, "Render an Ingress for this service."),
      new Entry("services.<svc>.ingress.className", STRING, "ingressClassName; empty for the cluster default."),
      new Entry("services.<svc>.ingress.host", STRING, "Host name routed to the service; empty matches any host."),
      new Entry("services.<svc>.ingress.path", "{\"type\":\"string\",\"pattern\":\"^/\"}", "Path prefix."),
      new Entry("services.<svc>.ingress.port", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535}", "Service port the Ingress sends traffic to."),
      new Entry("services.<svc>.ingress.tls", ARRAY, "Ingress `tls` entries (`secretName`, `hosts`)."),
      new Entry("services.<svc>.persistence.<volume>.enabled", BOOL,
          "Keep the PersistentVolumeClaim; false mounts an emptyDir instead (data is lost when the Pod goes). Services"
              + " sharing the volume follow the first service that mounts it, which holds these values."),
      new Entry("services.<svc>.persistence.<volume>.size", "{\"type\":\"string\",\"pattern\":\"^[0-9]+(\\\\.[0-9]+)?([KMGTPE]i?)?$\"}",
          "Requested storage."),
      new Entry("services.<svc>.persistence.<volume>.storageClass", STRING, "storageClassName; empty for the cluster default."),
      new Entry("services.<svc>.persistence.<volume>.accessModes",
          "{\"type\":\"array\",\"minItems\":1,\"items\":{\"enum\":[\"ReadWriteOnce\",\"ReadOnlyMany\",\"ReadWriteMany\",\"ReadWriteOncePod\"]}}",
          "Access modes."),
      new Entry("services.<svc>.probes", "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
          + "\"liveness\":{\"type\":[\"object\",\"null\"]},\"readiness\":{\"type\":[\"object\",\"null\"]},\"startup\":{\"type\":[\"object\",\"null\"]}}}",
          "livenessProbe, readinessProbe and startupProbe of the container (`liveness`, `readiness`, `startup`; null removes one)."),
      new Entry("services.<svc>.podAnnotations", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}", "Pod annotations."),
      new Entry("services.<svc>.nodeSelector", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}", "Pod nodeSelector."),
      new Entry("services.<svc>.tolerations", ARRAY, "Pod tolerations."),
      new Entry("services.<svc>.affinity", OBJECT, "Pod affinity."),
      new Entry("services.<svc>.securityContext", OBJECT, "The container's securityContext."),
      new Entry("services.<svc>.podSecurityContext", OBJECT, "The Pod's securityContext."),
      new Entry("secrets.<name>.existingSecret", STRING,
          "Use this existing Secret instead of rendering one; it must have the same keys."),
      new Entry("secrets.<name>.stringData", "{\"type\":\"object\",\"additionalProperties\":" + SCALAR + "}",
          "The Secret's values. Defaults are what the compose project itself holds (literals in the compose file,"
              + " contents of secret files), as `ferry convert` emits them: replace them (`--set-file`, a private"
              + " values file) or use existingSecret before installing anywhere real."),
      new Entry("secrets.<name>.stringData.<key>", SCALAR, "One value of the Secret."));

  private ValuesReference() {}

  /**
   * Each entry's path split at dots, a {@code null} where the pattern has a placeholder, grouped by
   * length in table order (find runs for every value of the schema and the README: it only tries
   * entries of the path's length and compares no placeholder).
   */
  private static final List<List<Map.Entry<String[], Entry>>> BY_LENGTH = byLength();

  private static List<List<Map.Entry<String[], Entry>>> byLength() {
    List<List<Map.Entry<String[], Entry>>> out = new ArrayList<>();
    for (Entry e : ENTRIES) {
      String[] p = e.path().split("\\.");
      for (int i = 0; i < p.length; i++) if (p[i].startsWith("<")) p[i] = null;
      while (out.size() <= p.length) out.add(new ArrayList<>());
      out.get(p.length).add(Map.entry(p, e));
    }
    return out;
  }

  /** The entry whose pattern matches {@code path}, or null. */
  static Entry find(List<String> path) {
    if (path.size() >= BY_LENGTH.size()) return null;
    for (Map.Entry<String[], Entry> c : BY_LENGTH.get(path.size())) {
      String[] p = c.getKey();
      boolean ok = true;
      for (int i = 0; i < p.length && ok; i++) ok = p[i] == null || p[i].equals(path.get(i));
      if (ok) return c.getValue();
    }
    return null;
  }
}
