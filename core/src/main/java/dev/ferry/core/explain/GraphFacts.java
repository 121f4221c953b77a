package dev.ferry.core.explain;

import dev.ferry.core.translate.PodTemplates;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ObjectGraph} reads of one emitted object, from its typed fields, as the manifest
 * shows them (a null value is not written, so it is left out here too): its labels, a Service's
 * selector and type or a PodDisruptionBudget's selector, an Ingress's backend Services, a
 * ConfigMap's values, and a workload's Pod labels, the text its containers run with (env values,
 * commands, args) and the claims, ConfigMaps and Secrets its Pod uses.
 */
record GraphFacts(Map<String, String> labels, Map<String, String> selector, String type, List<String> backends,
    List<String> data, Map<String, String> podLabels, String text, Set<String> uses) {

  static GraphFacts of(HasMetadata o) {
    Map<String, String> selector = Map.of();
    String type = null;
    List<String> backends = List.of();
    List<String> data = List.of();
    if (o instanceof Service s && s.getSpec() != null) {
      selector = present(s.getSpec().getSelector());
      type = s.getSpec().getType();
    } else if (o instanceof PodDisruptionBudget p && p.getSpec() != null) {
      LabelSelector ls = p.getSpec().getSelector();
      selector = ls == null ? Map.of() : present(ls.getMatchLabels());
    } else if (o instanceof Ingress i && i.getSpec() != null) {
      backends = backends(i.getSpec().getRules());
    } else if (o instanceof ConfigMap c && c.getData() != null) {
      data = new ArrayList<>();
      for (String v : c.getData().values()) if (v != null) data.add(v);
    }
    PodTemplateSpec template = PodTemplates.of(o);
    Map<String, String> podLabels = Map.of();
    String text = "";
    Set<String> uses = Set.of();
    if (template != null) {
      podLabels = labels(template.getMetadata());
      PodSpec pod = template.getSpec();
      if (pod != null) {
        List<Container> containers = new ArrayList<>();
        if (pod.getContainers() != null) containers.addAll(pod.getContainers());
        if (pod.getInitContainers() != null) containers.addAll(pod.getInitContainers());
        text = text(containers);
        uses = uses(pod, containers);
      }
    }
    return new GraphFacts(labels(o.getMetadata()), selector, type, backends, data, podLabels, text, uses);
  }

  private static Map<String, String> labels(ObjectMeta m) {
    return m == null ? Map.of() : present(m.getLabels());
  }

  /** The entries of {@code m} with a value, in its order. */
  private static Map<String, String> present(Map<String, String> m) {
    if (m == null || m.isEmpty()) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k != null && v != null) out.put(k, v);
    });
    return out;
  }

  /** The Services an Ingress's paths send to, in rule and path order. */
  private static List<String> backends(List<IngressRule> rules) {
    List<String> out = new ArrayList<>();
    if (rules == null) return out;
    for (IngressRule r : rules) {
      if (r == null || r.getHttp() == null || r.getHttp().getPaths() == null) continue;
      for (HTTPIngressPath p : r.getHttp().getPaths()) {
        if (p == null || p.getBackend() == null || p.getBackend().getService() == null) continue;
        String name = p.getBackend().getService().getName();
        if (name != null && !name.isEmpty()) out.add(name);
      }
    }
    return out;
  }

  /** Env values, commands and args of the containers (not images: an image named redis is not a call to redis). */
  private static String text(List<Container> containers) {
    StringBuilder text = new StringBuilder();
    for (Container c : containers) {
      if (c == null) continue;
      if (c.getEnv() != null) for (EnvVar e : c.getEnv()) text.append(' ').append(e == null || e.getValue() == null ? "" : e.getValue());
      words(c.getCommand(), text);
      words(c.getArgs(), text);
    }
    return text.toString();
  }

  private static void words(List<String> words, StringBuilder text) {
    if (words != null) for (String w : words) text.append(' ').append(w);
  }

  /** The claims, ConfigMaps and Secrets a Pod uses: its volumes, then each container's envFrom and env references. */
  private static Set<String> uses(PodSpec pod, List<Container> containers) {
    Set<String> uses = new LinkedHashSet<>();
    if (pod.getVolumes() != null) {
      for (Volume v : pod.getVolumes()) {
        if (v == null) continue;
        if (v.getPersistentVolumeClaim() != null) uses.add("PersistentVolumeClaim/" + name(v.getPersistentVolumeClaim().getClaimName()));
        if (v.getConfigMap() != null) uses.add("ConfigMap/" + name(v.getConfigMap().getName()));
        if (v.getSecret() != null) uses.add("Secret/" + name(v.getSecret().getSecretName()));
      }
    }
    for (Container c : containers) {
      if (c == null) continue;
      if (c.getEnvFrom() != null) {
        for (EnvFromSource ef : c.getEnvFrom()) {
          if (ef == null) continue;
          if (ef.getConfigMapRef() != null) uses.add("ConfigMap/" + name(ef.getConfigMapRef().getName()));
          if (ef.getSecretRef() != null) uses.add("Secret/" + name(ef.getSecretRef().getName()));
        }
      }
      if (c.getEnv() != null) {
        for (EnvVar e : c.getEnv()) {
          EnvVarSource ref = e == null ? null : e.getValueFrom();
          if (ref == null) continue;
          if (ref.getSecretKeyRef() != null) uses.add("Secret/" + name(ref.getSecretKeyRef().getName()));
          if (ref.getConfigMapKeyRef() != null) uses.add("ConfigMap/" + name(ref.getConfigMapKeyRef().getName()));
        }
      }
    }
    return uses;
  }

  private static String name(String n) {
    return n == null ? "" : n;
  }
}
