package dev.ferry.core.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.ferry.core.emit.ManifestWriter;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks emitted objects the way an API server would, offline: each object against the official
 * Kubernetes Java client's generated model ({@code validateJsonElement} rejects unknown and missing
 * required fields), plus names, selectors, container and volume references, port names and
 * duplicates. Returns every problem found (empty when valid).
 */
public final class Manifests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";

  private Manifests() {}

  public static List<String> problems(List<HasMetadata> objects) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (HasMetadata o : objects) {
      String id = o.getKind() + "/" + o.getMetadata().getName();
      if (!seen.add(id)) out.add(id + ": duplicate object");
      String name = o.getMetadata().getName();
      if (name == null || name.length() > 253 || !name.matches(SUBDOMAIN)) out.add(id + ": invalid name");
      if (o.getKind().equals("Service") && (name.length() > 63 || !name.matches("[a-z]([-a-z0-9]*[a-z0-9])?"))) {
        out.add(id + ": a Service name must be an RFC 1035 label");
      }
      model(o, out, id);
      PodTemplateSpec t = template(o);
      if (t != null) pod(o, t, out, id);
    }
    return out;
  }

  private static void model(HasMetadata o, List<String> out, String id) {
    String api = o.getApiVersion();
    String version = api.contains("/") ? api.substring(api.indexOf('/') + 1) : api;
    String cls = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0)) + version.substring(1) + o.getKind();
    try {
      Class<?> c = Class.forName(cls);
      Method m = c.getMethod("validateJsonElement", JsonElement.class);
      m.invoke(null, JsonParser.parseString(JSON.writeValueAsString(ManifestWriter.tree(o))));
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      out.add(id + ": no client model " + cls);
    } catch (InvocationTargetException e) {
      out.add(id + ": " + e.getCause().getMessage());
    }
  }

  private static PodTemplateSpec template(HasMetadata o) {
    if (o instanceof Deployment d) return d.getSpec().getTemplate();
    if (o instanceof StatefulSet s) return s.getSpec().getTemplate();
    if (o instanceof DaemonSet d) return d.getSpec().getTemplate();
    if (o instanceof Job j) return j.getSpec().getTemplate();
    if (o instanceof CronJob c) return c.getSpec().getJobTemplate().getSpec().getTemplate();
    return null;
  }

  private static void pod(HasMetadata o, PodTemplateSpec t, List<String> out, String id) {
    Map<String, String> sel = null;
    if (o instanceof Deployment d) sel = d.getSpec().getSelector().getMatchLabels();
    if (o instanceof StatefulSet s) sel = s.getSpec().getSelector().getMatchLabels();
    if (o instanceof DaemonSet d) sel = d.getSpec().getSelector().getMatchLabels();
    if (sel != null) {
      for (Map.Entry<String, String> e : sel.entrySet()) {
        if (!e.getValue().equals(t.getMetadata().getLabels().get(e.getKey()))) out.add(id + ": selector does not match template labels");
      }
    }
    Set<String> volumes = new HashSet<>();
    if (t.getSpec().getVolumes() != null) for (Volume v : t.getSpec().getVolumes()) {
      if (!volumes.add(v.getName())) out.add(id + ": duplicate volume " + v.getName());
      if (!v.getName().matches(LABEL) || v.getName().length() > 63) out.add(id + ": invalid volume name " + v.getName());
    }
    if (o instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates() != null) {
      s.getSpec().getVolumeClaimTemplates().forEach(c -> volumes.add(c.getMetadata().getName()));
    }
    Set<String> containers = new HashSet<>();
    List<Container> all = new ArrayList<>(t.getSpec().getContainers());
    if (t.getSpec().getInitContainers() != null) all.addAll(t.getSpec().getInitContainers());
    for (Container c : all) {
      if (!containers.add(c.getName())) out.add(id + ": duplicate container " + c.getName());
      if (c.getImage() == null || c.getImage().isEmpty()) out.add(id + ": container without image");
      if (c.getImage() != null && c.getImage().endsWith(":latest") && c.getName().startsWith("wait-for-")) out.add(id + ": unpinned wait image");
      Set<String> paths = new HashSet<>();
      if (c.getVolumeMounts() != null) for (VolumeMount m : c.getVolumeMounts()) {
        if (!volumes.contains(m.getName())) out.add(id + ": mount of unknown volume " + m.getName());
        if (!paths.add(m.getMountPath())) out.add(id + ": duplicate mount path " + m.getMountPath());
      }
      if (c.getPorts() != null) c.getPorts().forEach(p -> {
        if (p.getHostPort() != null) out.add(id + ": hostPort");
        if (p.getName() != null && (p.getName().length() > 15 || !p.getName().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")))
          out.add(id + ": invalid port name " + p.getName());
      });
      if (c.getReadinessProbe() != null && c.getReadinessProbe().equals(c.getLivenessProbe())) out.add(id + ": readiness == liveness");
    }
    if (!Boolean.FALSE.equals(t.getSpec().getAutomountServiceAccountToken())) out.add(id + ": automountServiceAccountToken not false");
  }
}
