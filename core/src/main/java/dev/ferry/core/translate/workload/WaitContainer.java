package dev.ferry.core.translate.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    return new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
        .withRunAsNonRoot(true).withRunAsUser(65534L).withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities().build();
  }

  private static ResourceRequirements waitResources() {
    return new ResourceRequirementsBuilder()
        .withRequests(new TreeMap<>(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi"))))
        .withLimits(new TreeMap<>(Map.of("memory", new Quantity("64Mi")))).build();
  }
}
