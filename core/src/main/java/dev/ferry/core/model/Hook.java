package dev.ferry.core.model;

import dev.ferry.core.source.ModelPath;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle hook of a service ({@code post_start}, {@code pre_stop} or {@code pre_start} item),
 * as written. {@code shell} is a command given as one string, {@code exec} one given as a list (at
 * most one of them is set; null entries of a list are left out). The other fields are the item's
 * scalar text, null when absent ({@code ""} for an explicit YAML null). {@code environment} holds
 * the hook's variables in the order written (a map's entries, or {@code KEY=VALUE} list items; a
 * variable without a value is {@code ""}), null when the hook has none.
 */
public record Hook(
    ModelPath path,
    String shell,
    List<String> exec,
    String image,
    String user,
    String privileged,
    String workingDir,
    List<Map.Entry<String, String>> environment,
    String perReplica) {

  /** The hooks of one service: {@code post_start}, {@code pre_stop} and {@code pre_start}, each in order. */
  public record Hooks(List<Hook> postStart, List<Hook> preStop, List<Hook> preStart) {
    public static final Hooks NONE = new Hooks(List.of(), List.of(), List.of());
  }

  /** Whether the hook sets one of the options a Kubernetes lifecycle handler cannot carry. */
  public boolean setsRunOptions() {
    return user != null || privileged != null || environment != null || workingDir != null;
  }
}
