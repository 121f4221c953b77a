package dev.ferry.core.fidelity;

import dev.ferry.core.model.Project;
import dev.ferry.core.knowledge.Naming;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Kubernetes gives each container of the emitted manifests (as a YAML 1.1 reader, like
 * kubectl, reads them): every Service in the namespace is a name; it routes to the Pods whose
 * template labels carry its selector; a headless Service ({@code clusterIP: None}) resolves to the
 * Pod addresses (every port), a ClusterIP one forwards its {@code port} to {@code targetPort}
 * (numbers or container port names). The environment is envFrom (ConfigMap/Secret, prefixed)
 * then env in order with the kubelet's {@code $(VAR)} expansion, valueFrom resolved against the
 * emitted ConfigMaps and Secrets. Mounts follow volumeMounts to their volume: ConfigMap/Secret
 * (whole: a directory of its keys or items; with subPath: one file), PVC, emptyDir, hostPath.
 */
public final class KubeSide {
  private final Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> secrets = new LinkedHashMap<>();
  private final List<Map<String, Object>> services = new ArrayList<>();
  private final List<Map<String, Object>> workloads = new ArrayList<>();
  private final Map<String, String> serviceOf = new LinkedHashMap<>(); // container name -> compose service

  private KubeSide(Project p, List<Object> docs) {
    Naming naming = Naming.of(p);
    for (String s : p.services().keySet()) serviceOf.put(naming.of(s), s);
    for (Object d : docs) {
      Map<String, Object> o = map(d);
      String kind = str(o.get("kind"));
      String name = str(map(o.get("metadata")).get("name"));
      switch (kind) {
        case "ConfigMap" -> configMaps.put(name, o);
        case "Secret" -> secrets.put(name, o);
        case "Service" -> services.add(o);
        case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob" -> workloads.add(o);
        default -> { }
      }
    }
  }

  public static Map<String, View> of(Project p, List<Object> docs) {
    return new KubeSide(p, docs).views();
  }

  private Map<String, View> views() {
    Map<String, View> out = new LinkedHashMap<>();
    for (Map<String, Object> w : workloads) {
      Map<String, Object> pod = podSpec(w);
      for (Object c : list(pod.get("containers"))) {
        Map<String, Object> container = map(c);
        String service = serviceOf.getOrDefault(str(container.get("name")), str(container.get("name")));
        View v = new View();
        names(v);
        env(container, v);
        mounts(w, pod, container, v);
        out.put(service, v);
      }
    }
    return out;
  }

  private void names(View v) {
    for (Map<String, Object> svc : services) {
      Map<String, Object> spec = map(svc.get("spec"));
      Map<String, Object> selector = map(spec.get("selector"));
      TreeSet<String> behind = new TreeSet<>();
      List<Map<String, Object>> containers = new ArrayList<>();
      for (Map<String, Object> w : workloads) {
        Map<String, Object> labels = map(map(template(w).get("metadata")).get("labels"));
        if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) continue;
        for (Object c : list(podSpec(w).get("containers"))) {
          containers.add(map(c));
          behind.add(serviceOf.getOrDefault(str(map(c).get("name")), str(map(c).get("name"))));
        }
      }
      if (behind.isEmpty()) continue; // a name that resolves to nothing
      boolean headless = "None".equals(str(spec.get("clusterIP")));
      View.Name n = new View.Name(String.join(",", behind), headless, new TreeSet<>());
      for (Object po : list(spec.get("ports"))) {
        Map<String, Object> port = map(po);
        int number = num(port.get("port"));
        Object target = port.getOrDefault("targetPort", number);
        int t = target instanceof Number x ? x.intValue() : containerPort(containers, str(target));
        if (t == number) n.ports().add(number);
      }
      v.names().put(str(map(svc.get("metadata")).get("name")), n);
    }
  }

  private static int containerPort(List<Map<String, Object>> containers, String name) {
    for (Map<String, Object> c : containers) {
      for (Object p : list(c.get("ports"))) if (name.equals(str(map(p).get("name")))) return num(map(p).get("containerPort"));
    }
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void env(Map<String, Object> container, View v) {
    for (Object ef : list(container.get("envFrom"))) {
      Map<String, Object> from = map(ef);
      String prefix = from.get("prefix") == null ? "" : str(from.get("prefix"));
      if (from.get("configMapRef") != null) data(configMaps.get(str(map(from.get("configMapRef")).get("name"))))
          .forEach((k, val) -> v.env().put(prefix + k, val));
      if (from.get("secretRef") != null) data(secrets.get(str(map(from.get("secretRef")).get("name"))))
          .forEach((k, val) -> v.env().put(prefix + k, val));
    }
    for (Object e : list(container.get("env"))) {
      Map<String, Object> entry = map(e);
      String name = str(entry.get("name"));
      if (entry.containsKey("value")) {
        Object raw = entry.get("value");
        String text = raw instanceof String s ? s : "<not a string: " + raw + ">";
        v.env().put(name, expand(text, v.env()));
      } else if (entry.get("valueFrom") != null) {
        Map<String, Object> from = map(entry.get("valueFrom"));
        String val = null;
        if (from.get("configMapKeyRef") != null) {
          Map<String, Object> r = map(from.get("configMapKeyRef"));
          val = data(configMaps.get(str(r.get("name")))).get(str(r.get("key")));
        } else if (from.get("secretKeyRef") != null) {
          Map<String, Object> r = map(from.get("secretKeyRef"));
          val = data(secrets.get(str(r.get("name")))).get(str(r.get("key")));
        } else {
          val = "<" + from.keySet().iterator().next() + ">";
        }
        if (val != null) v.env().put(name, val);
      } else {
        v.env().put(name, "");
      }
    }
  }

  /** The kubelet's expansion: {@code $(VAR)} of a variable defined before, {@code $$} to {@code $}; anything else as written. */
  static String expand(String s, Map<String, String> defined) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length()) {
        char d = s.charAt(i + 1);
        if (d == '$') {
          b.append('$');
          i += 2;
          continue;
        }
        if (d == '(') {
          int close = s.indexOf(')', i + 2);
          if (close > 0) {
            String var = s.substring(i + 2, close);
            if (defined.containsKey(var)) {
              b.append(defined.get(var));
              i = close + 1;
              continue;
            }
            b.append(s, i, close + 1);
            i = close + 1;
            continue;
          }
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  private void mounts(Map<String, Object> w, Map<String, Object> pod, Map<String, Object> container, View v) {
    Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
    for (Object vo : list(pod.get("volumes"))) volumes.put(str(map(vo).get("name")), map(vo));
    for (Object t : list(map(w.get("spec")).get("volumeClaimTemplates"))) { // a StatefulSet's claim per replica
      String name = str(map(map(t).get("metadata")).get("name"));
      volumes.putIfAbsent(name, Map.of("persistentVolumeClaim", Map.of("claimName", name + "-<replica>")));
    }
    for (Object mo : list(container.get("volumeMounts"))) {
      Map<String, Object> m = map(mo);
      Map<String, Object> vol = volumes.getOrDefault(str(m.get("name")), Map.of());
      String sub = m.get("subPath") == null ? null : str(m.get("subPath"));
      v.mounts().put(str(m.get("mountPath")), seen(vol, sub));
    }
  }

  private View.Seen seen(Map<String, Object> vol, String sub) {
    if (vol.get("persistentVolumeClaim") != null) {
      return new View.Seen(View.Seen.Kind.DATA, "claim " + str(map(vol.get("persistentVolumeClaim")).get("claimName")));
    }
    if (vol.containsKey("emptyDir")) return new View.Seen(View.Seen.Kind.SCRATCH, null);
    if (vol.get("hostPath") != null) return new View.Seen(View.Seen.Kind.HOST, str(map(vol.get("hostPath")).get("path")));
    Map<String, Object> src = vol.get("configMap") != null ? map(vol.get("configMap")) : map(vol.get("secret"));
    Map<String, String> data = vol.get("configMap") != null ? data(configMaps.get(str(src.get("name"))))
        : vol.get("secret") != null ? data(secrets.get(str(src.get("secretName")))) : null;
    if (data == null) return new View.Seen(View.Seen.Kind.HOST, "unknown volume source " + vol.keySet());
    Map<String, String> files = new TreeMap<>(); // path in the volume -> content
    if (src.get("items") != null) {
      for (Object it : list(src.get("items"))) {
        String key = str(map(it).get("key"));
        if (data.containsKey(key)) files.put(str(map(it).get("path")), data.get(key));
      }
    } else {
      files.putAll(data);
    }
    if (sub != null) {
      String content = files.get(sub);
      return content == null ? new View.Seen(View.Seen.Kind.DIRECTORY, "")
          : new View.Seen(View.Seen.Kind.FILE, ComposeSide.digest(content.getBytes(StandardCharsets.ISO_8859_1)));
    }
    TreeSet<String> entries = new TreeSet<>();
    for (String path : files.keySet()) entries.add(path.contains("/") ? path.substring(0, path.indexOf('/')) : path);
    return new View.Seen(View.Seen.Kind.DIRECTORY, String.join(",", entries));
  }

  /**
   * A ConfigMap's or Secret's data as raw bytes in ISO-8859-1 (so binary content survives):
   * data (text; base64 in a Secret), binaryData and stringData.
   */
  private static Map<String, String> data(Map<String, Object> o) {
    Map<String, String> out = new TreeMap<>();
    if (o == null) return out;
    boolean secret = "Secret".equals(o.get("kind"));
    map(o.get("data")).forEach((k, val) -> out.put(k, secret ? decode(str(val)) : latin1(str(val))));
    map(o.get("binaryData")).forEach((k, val) -> out.put(k, decode(str(val))));
    map(o.get("stringData")).forEach((k, val) -> out.put(k, latin1(str(val))));
    return out;
  }

  private static String latin1(String utf8) {
    return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String decode(String b64) {
    return new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.ISO_8859_1);
  }

  private static Map<String, Object> template(Map<String, Object> w) {
    Map<String, Object> spec = map(w.get("spec"));
    if ("CronJob".equals(w.get("kind"))) spec = map(map(map(spec.get("jobTemplate")).get("spec")));
    return map(spec.get("template"));
  }

  private static Map<String, Object> podSpec(Map<String, Object> w) {
    return map(template(w).get("spec"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : -1;
  }
}
