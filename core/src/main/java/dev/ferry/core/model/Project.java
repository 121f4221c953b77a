package dev.ferry.core.model;

import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import java.util.List;
import java.util.Map;

/**
 * A loaded compose project: services in source order (merge order for files), top-level
 * resources, extensions ({@code x-*}, including ferry's own {@code x-ferry}), and the canonical
 * tree they were bound from. {@code files} are the display names of the compose files loaded, in
 * order (included and extended files after the -f files).
 */
public record Project(
    String name,
    String workingDir,
    Map<String, Service> services,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, Secret> secrets,
    Map<String, Secret> configs,
    Map<String, Node> extensions,
    List<String> files,
    MapNode tree) {

  public Service service(String name) {
    return services.get(name);
  }

  /** The top-level {@code x-ferry} steering block, or null. */
  public MapNode steering() {
    return extensions.get("x-ferry") instanceof MapNode m ? m : null;
  }
}
