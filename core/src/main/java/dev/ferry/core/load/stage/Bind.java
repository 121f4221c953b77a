package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Network;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Secret;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.Volume;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import static dev.ferry.core.load.stage.PlainReads.bool;
import static dev.ferry.core.load.stage.PlainReads.str;
import static dev.ferry.core.load.stage.PlainReads.strMap;

/**
 * Last stage: the canonical tree to immutable records. Values that cannot be typed (a duration
 * that does not parse) become diagnostics at their position and null fields; binding never throws.
 */
public final class Bind {
  /** Reads env files and secret sources; supplied by the loader (I/O stays out of this stage). */
  public interface Files {
    /** Variables of an env file (path as written, relative to the project dir), or null when unreadable. */
    Map<String, String> envFile(String path);

    /**
     * Variables of an env file in the given compose {@code format} ({@code raw}: taken literally, null:
     * dotenv syntax), or null; {@code at} is the env_file entry in the compose file (where problems reading it go).
     */
    default Map<String, String> envFile(String path, String format, Position at) {
      return envFile(path);
    }

    /** Labels of a {@code label_file} (path relative to the project dir), or null when unreadable. */
    default Map<String, String> labelFile(String path, Position at) {
      return envFile(path);
    }

    /** Contents of a secret/config file, or null when unreadable. */
    String read(String path);

    /** A variable from the environment (shell over .env), or null. */
    String env(String name);

    /** Whether missing required files are errors (compose's behaviour) rather than warnings. */
    boolean strict();
  }

  private final Diagnostics diags;
  private final Files files;

  private Bind(Diagnostics diags, Files files) {
    this.diags = diags;
    this.files = files;
  }

  public static Project project(String name, String workingDir, MapNode tree, List<String> fileNames, Files files, Diagnostics diags) {
    return new Bind(diags, files).bind(name, workingDir, tree, fileNames);
  }

  private Project bind(String name, String workingDir, MapNode tree, List<String> fileNames) {
    MapNode svcs = tree.getMap("services");
    Map<String, Service> services = svcs == null ? new LinkedHashMap<>() : ServiceBatches.bind(svcs, files, diags);
    Map<String, Network> networks = top(tree, "networks", (k, m) -> new Network(k, str(m, "driver"),
        isExternal(m), bool(m, "internal"), strMap(m.get("labels"))));
    Map<String, Volume> volumes = top(tree, "volumes", (k, m) -> new Volume(k, str(m, "driver"),
        strMap(m.get("driver_opts")), isExternal(m), str(m, "name"), strMap(m.get("labels"))));
    Map<String, Secret> secrets = top(tree, "secrets", this::secret);
    Map<String, Secret> configs = top(tree, "configs", this::secret);
    Map<String, Node> ext = new LinkedHashMap<>();
    for (MapNode.Entry e : tree.entries()) if (e.key().startsWith("x-")) ext.put(e.key(), e.value());
    return new Project(name, workingDir, Collections.unmodifiableMap(services), networks, volumes, secrets, configs,
        Collections.unmodifiableMap(ext), List.copyOf(fileNames), tree);
  }

  private static boolean isExternal(MapNode m) {
    Node e = m.get("external");
    return e instanceof ScalarNode s && "true".equals(s.text()) || e instanceof MapNode;
  }

  private <T> Map<String, T> top(MapNode tree, String key, BiFunction<String, MapNode, T> f) {
    Map<String, T> out = new LinkedHashMap<>();
    MapNode m = tree.getMap(key);
    if (m != null) {
      for (MapNode.Entry e : m.entries()) {
        MapNode v = e.value() instanceof MapNode mm ? mm : MapNode.empty(e.keyPosition());
        out.put(e.key(), f.apply(e.key(), v));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private Secret secret(String key, MapNode m) {
    String file = str(m, "file");
    String env = str(m, "environment");
    String content = str(m, "content");
    String value = null;
    if (file != null) value = files.read(file);
    else if (env != null) value = files.env(env);
    else if (content != null) value = content;
    return new Secret(key, file, env, content, isExternal(m), value);
  }

  // ---- small readers -------------------------------------------------------------------------
}
