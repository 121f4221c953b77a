package dev.ferry.core.translate.workload;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The initContainer that waits for a dependency: pinned image, non-root, read-only, tiny resources. */
final class WaitContainer {
  private WaitContainer() {}

  /** A waiting initContainer: unprivileged, small, running {@code command}. */
  static Container of(String name, String image, String... command) {
    Container c = new Container();
    c.setName(name);
    c.setImage(image);
    c.setCommand(new ArrayList<>(List.of(command)));
    c.setSecurityContext(waitSecurity());
    c.setResources(waitResources());
    return c;
  }

  private static SecurityContext waitSecurity() {
    // set on the objects, not through builders (whose construction and build copy every field)
    Capabilities caps = new Capabilities();
    caps.setDrop(new ArrayList<>(List.of("ALL")));
    SecurityContext sc = new SecurityContext();
    sc.setAllowPrivilegeEscalation(false);
    sc.setRunAsNonRoot(true);
    sc.setRunAsUser(65534L);
    sc.setReadOnlyRootFilesystem(true);
    sc.setCapabilities(caps);
    return sc;
  }

  private static ResourceRequirements waitResources() {
    Map<String, Quantity> requests = new LinkedHashMap<>(4);
    requests.put("cpu", new Quantity("10m"));
    requests.put("memory", new Quantity("16Mi"));
    Map<String, Quantity> limits = new LinkedHashMap<>(2);
    limits.put("memory", new Quantity("64Mi"));
    ResourceRequirements r = new ResourceRequirements();
    r.setRequests(requests);
    r.setLimits(limits);
    return r;
  }
}
