package dev.ferry.core.translate;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logging} with a node-local driver (json-file, local, none, or no driver): the kubelet keeps
 * container logs on the node and rotates them, so nothing is lost but the rotation options, which are
 * the kubelet's (containerLogMaxSize, containerLogMaxFiles). One info finding per project, on the
 * first such service, naming all of them; other drivers stay a not-translatable warning.
 */
public final class NodeLogging {
  private NodeLogging() {}

  /** Whether the service's logging driver keeps logs on the node, as the kubelet does. */
  public static boolean local(Service s) {
    String driver = s.execution().loggingDriver();
    return driver == null || driver.isEmpty() || driver.equals("json-file") || driver.equals("local") || driver.equals("none");
  }

  /** Reports node-logging once, when {@code s} is the project's first service with local logging. */
  static void report(TranslationContext ctx, Service s) {
    List<String> names = Users.of(ctx.project());
    if (names.isEmpty() || !names.get(0).equals(s.name())) return;
    ctx.report("node-logging", Severity.INFO, s.path("logging"), s.name(), "logging with a node-local driver ("
        + String.join(", ", names) + ") needs nothing on Kubernetes: the kubelet keeps each container's stdout and"
        + " stderr on its node and rotates it (kubectl logs reads it); rotation options such as max-size and"
        + " max-file are the kubelet's containerLogMaxSize and containerLogMaxFiles, not per container");
  }

  /**
   * The services with node-local logging, in source order; found once per project (identity), so
   * that reporting stays linear in the number of services.
   */
  private record Users(Project project, List<String> names) {
    private static volatile Users last;

    static List<String> of(Project p) {
      Users u = last;
      if (u == null || u.project != p) {
        List<String> names = new ArrayList<>();
        for (Service o : p.services().values()) {
          if (o.has("logging") && local(o)) names.add(o.name());
        }
        u = new Users(p, List.copyOf(names));
        last = u;
      }
      return u.names;
    }
  }
}
