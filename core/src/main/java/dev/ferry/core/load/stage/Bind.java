package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.Deploy;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.EnvFile;
import dev.ferry.core.model.FileRef;
import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.MountType;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Network;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Project;
import dev.ferry.core.model.Protocol;
import dev.ferry.core.model.Resources;
import dev.ferry.core.model.Restart;
import dev.ferry.core.model.Secret;
import dev.ferry.core.model.Service;
import dev.ferry.core.model.ServiceNetwork;
import dev.ferry.core.model.Volume;
import dev.ferry.core.model.units.ByteSizes;
import dev.ferry.core.model.units.Durations;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
    default Map<String, String> envFile(String path, String format, dev.ferry.core.source.Position at) {
      return envFile(path);
    }

    /** Labels of a {@code label_file} (path relative to the project dir), or null when unreadable. */
    default Map<String, String> labelFile(String path, dev.ferry.core.source.Position at) {
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
    Map<String, Service> services = new LinkedHashMap<>();
    MapNode svcs = tree.getMap("services");
    if (svcs != null) {
      for (MapNode.Entry e : svcs.entries()) {
        if (e.value() instanceof MapNode m) {
          services.put(e.key(), service(e.key(), ModelPath.of("services", e.key()), m));
        }
      }
    }
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

  private Service service(String name, ModelPath path, MapNode s) {
    Map<String, Node> ext = new LinkedHashMap<>();
    for (MapNode.Entry e : s.entries()) if (e.key().startsWith("x-")) ext.put(e.key(), e.value());
    return new Service(
        name, path, s,
        identity(s),
        execution(s, path),
        networking(s, path),
        storage(s, path),
        security(s),
        deployment(s, path),
        health(s, path),
        Collections.unmodifiableMap(ext));
  }

  private Service.Identity identity(MapNode s) {
    String image = str(s, "image");
    Service.Build build = null;
    MapNode b = s.getMap("build");
    if (b != null) {
      build = new Service.Build(str(b, "context"), str(b, "dockerfile"), strMap(b.get("args")), str(b, "target"));
    }
    return new Service.Identity(
        image == null || image.isEmpty() ? null : ImageRef.parse(image),
        build,
        labels(s),
        strMap(s.get("annotations")),
        strList(s.get("profiles")),
        str(s, "container_name"),
        str(s, "pull_policy"),
        str(s, "platform"));
  }

  private Service.Execution execution(MapNode s, ModelPath path) {
    return new Service.Execution(
        strListOrNull(s.get("entrypoint")),
        strListOrNull(s.get("command")),
        str(s, "working_dir"),
        envMap(s.get("environment")),
        envFiles(s, path),
        bool(s, "stdin_open"),
        bool(s, "tty"),
        s.has("init") ? bool(s, "init") : null,
        duration(s, "stop_grace_period", path),
        str(s, "stop_signal"));
  }

  private Service.Networking networking(MapNode s, ModelPath path) {
    return new Service.Networking(
        ports(s, path),
        strList(s.get("expose")),
        networks(s),
        NamespaceMode.parse(str(s, "network_mode")),
        strList(s.get("links")),
        hosts(s.get("extra_hosts")),
        strList(s.get("dns")),
        strList(s.get("dns_search")),
        strList(s.get("dns_opt")),
        str(s, "hostname"),
        str(s, "domainname"));
  }

  private Service.Storage storage(MapNode s, ModelPath path) {
    return new Service.Storage(
        mounts(s, path),
        fileRefs(s, "secrets", path, "/run/secrets/"),
        fileRefs(s, "configs", path, "/"));
  }

  private Service.Security security(MapNode s) {
    return new Service.Security(
        NamespaceMode.parse(str(s, "pid")),
        NamespaceMode.parse(str(s, "ipc")),
        str(s, "user"),
        bool(s, "privileged"),
        strList(s.get("cap_add")),
        strList(s.get("cap_drop")),
        bool(s, "read_only"),
        strList(s.get("security_opt")),
        strMap(s.get("sysctls")));
  }

  private Service.Deployment deployment(MapNode s, ModelPath path) {
    return new Service.Deployment(
        restart(s, path),
        deploy(s, path),
        integer(s, "scale"));
  }

  private Service.Health health(MapNode s, ModelPath path) {
    return new Service.Health(
        healthcheck(s, path),
        dependsOn(s, path));
  }

  /** A port's {@code protocol}, checked as Docker does (tcp, udp or sctp in any case); null when not given. */
  private Protocol protocol(MapNode m) {
    String text = str(m, "protocol");
    if (text == null) return null;
    Protocol p = Protocol.parse(text);
    if (p == null) {
      diags.error("schema", m.get("protocol").position(), "unknown port protocol \"" + text + "\" (tcp, udp, sctp)");
    }
    return p;
  }

  /** {@code restart}, checked as Docker does; blank (an unset variable) means not set, as in Docker. */
  private Restart restart(MapNode s, ModelPath path) {
    String text = str(s, "restart");
    if (text == null || text.isEmpty()) return null;
    Restart r = Restart.parse(text);
    if (r == null) {
      diags.error("schema", s.get("restart").position(), path.key("restart") + ": \"" + text
          + "\" is not a restart policy (no, always, on-failure[:N], unless-stopped)");
    }
    return r;
  }

  // ---- small readers -------------------------------------------------------------------------

  static String str(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && !s.isNull() ? s.asString() : null;
  }

  static boolean bool(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && "true".equalsIgnoreCase(s.text());
  }

  private Integer integer(MapNode m, String key) {
    if (m.get(key) instanceof ScalarNode s && s.kind() == ScalarNode.Kind.INT) {
      try {
        return Math.toIntExact(Long.parseLong(s.text()));
      } catch (RuntimeException e) {
        diags.error("schema", s.position(), key + ": integer out of range: " + s.text());
      }
    }
    return null;
  }

  private Double number(MapNode m, String key) {
    if (m.get(key) instanceof ScalarNode s && (s.kind() == ScalarNode.Kind.INT || s.kind() == ScalarNode.Kind.FLOAT)) {
      return Double.parseDouble(s.text());
    }
    if (m.get(key) instanceof ScalarNode s && s.isString()) {
      try {
        return Double.parseDouble(s.text());
      } catch (NumberFormatException e) {
        diags.error("schema", s.position(), key + ": not a number: \"" + s.text() + "\"");
      }
    }
    return null;
  }

  private Long bytes(MapNode m, String key) {
    if (!(m.get(key) instanceof ScalarNode s) || s.isNull()) return null;
    try {
      return ByteSizes.parse(s.asString());
    } catch (IllegalArgumentException e) {
      diags.error("schema", s.position(), key + ": " + e.getMessage());
      return null;
    }
  }

  private Duration duration(MapNode m, String key, ModelPath path) {
    if (!(m.get(key) instanceof ScalarNode s) || s.isNull()) return null;
    try {
      return Durations.parse(s.asString());
    } catch (IllegalArgumentException e) {
      diags.error("healthcheck".equals(path.last()) ? "healthcheck-invalid" : "schema", s.position(), path.key(key) + ": " + e.getMessage());
      return null;
    }
  }

  static List<String> strList(Node n) {
    if (!(n instanceof SeqNode s)) return List.of();
    List<String> out = new ArrayList<>(s.size());
    for (Node i : s.items()) if (i instanceof ScalarNode sc && !sc.isNull()) out.add(sc.asString());
    return Collections.unmodifiableList(out);
  }

  private static List<String> strListOrNull(Node n) {
    if (n == null || n.isNull()) return null;
    return strList(n);
  }

  static Map<String, String> strMap(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      if (e.value() instanceof ScalarNode sc) out.put(e.key(), sc.asString());
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, String> envMap(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      out.put(e.key(), e.value() instanceof ScalarNode sc && !sc.isNull() ? sc.asString() : null);
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, List<String>> hosts(Node n) {
    if (!(n instanceof MapNode m)) return Map.of();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) out.put(e.key(), strList(e.value()));
    return Collections.unmodifiableMap(out);
  }

  private List<EnvFile> envFiles(MapNode s, ModelPath path) {
    if (!(s.get("env_file") instanceof SeqNode seq)) return List.of();
    List<EnvFile> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      String p = str(m, "path");
      if (p == null) continue;
      boolean required = !(m.get("required") instanceof ScalarNode r) || !"false".equals(r.text());
      Map<String, String> values = files.envFile(p, str(m, "format"), m.position());
      if (values == null && required) {
        if (files.strict()) diags.error("env-file-missing", m.position(), "env file " + p + " not found");
        else diags.warning("env-file-missing", m.position(), "env file " + p + " not found (compose refuses to run without it; ferry goes on without its variables)");
      }
      out.add(new EnvFile(p, required, values == null ? Map.of() : values, path.key("env_file").index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@code labels}, over the labels read from {@code label_file} (one file or a list, later files
   * over earlier ones): compose reads the files first and lets {@code labels} win. A file that
   * cannot be read is an error at its entry, as compose refuses to start without it.
   */
  private Map<String, String> labels(MapNode s) {
    Node lf = s.get("label_file");
    if (lf == null || lf.isNull()) return strMap(s.get("labels"));
    List<ScalarNode> paths = new ArrayList<>();
    if (lf instanceof ScalarNode sc) paths.add(sc);
    if (lf instanceof SeqNode seq) for (Node n : seq.items()) if (n instanceof ScalarNode sc && !sc.isNull()) paths.add(sc);
    Map<String, String> out = new LinkedHashMap<>();
    for (ScalarNode p : paths) {
      Map<String, String> read = files.labelFile(p.asString(), p.position());
      if (read == null) diags.error("file-missing", p.position(), "label file " + p.asString() + " not found");
      else out.putAll(read);
    }
    out.putAll(strMap(s.get("labels")));
    return Collections.unmodifiableMap(out);
  }

  private List<PortMapping> ports(MapNode s, ModelPath path) {
    if (!(s.get("ports") instanceof SeqNode seq)) return List.of();
    List<PortMapping> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      Integer target = integer(m, "target");
      if (target == null) continue;
      out.add(new PortMapping(str(m, "name"), target, str(m, "published"), str(m, "host_ip"),
          protocol(m), str(m, "app_protocol"), str(m, "mode"), path.key("ports").index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  private List<Mount> mounts(MapNode s, ModelPath path) {
    if (!(s.get("volumes") instanceof SeqNode seq)) return List.of();
    List<Mount> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      MapNode tmpfs = m.getMap("tmpfs");
      MapNode bind = m.getMap("bind");
      MapNode vol = m.getMap("volume");
      MapNode image = m.getMap("image");
      out.add(new Mount(MountType.parse(str(m, "type")), str(m, "source"), str(m, "target"), bool(m, "read_only"),
          tmpfs == null ? null : bytes(tmpfs, "size"),
          vol != null ? str(vol, "subpath") : image != null ? str(image, "subpath") : null,
          bind != null && bool(bind, "create_host_path"),
          path.key("volumes").index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  private Healthcheck healthcheck(MapNode s, ModelPath path) {
    MapNode h = s.getMap("healthcheck");
    if (h == null) return null;
    ModelPath hp = path.key("healthcheck");
    return new Healthcheck(
        h.has("test") ? strList(h.get("test")) : null,
        duration(h, "interval", hp), duration(h, "timeout", hp), integer(h, "retries"),
        duration(h, "start_period", hp), duration(h, "start_interval", hp), bool(h, "disable"));
  }

  private Map<String, DependsOn> dependsOn(MapNode s, ModelPath path) {
    MapNode d = s.getMap("depends_on");
    if (d == null) return Map.of();
    Map<String, DependsOn> out = new LinkedHashMap<>();
    for (MapNode.Entry e : d.entries()) {
      MapNode m = e.value() instanceof MapNode mm ? mm : MapNode.empty(e.keyPosition());
      String cond = str(m, "condition");
      out.put(e.key(), new DependsOn(e.key(), cond == null ? DependsOn.STARTED : cond, bool(m, "restart"),
          !(m.get("required") instanceof ScalarNode r) || !"false".equals(r.text()), path.key("depends_on").key(e.key())));
    }
    return Collections.unmodifiableMap(out);
  }

  private Map<String, ServiceNetwork> networks(MapNode s) {
    MapNode n = s.getMap("networks");
    if (n == null) return Map.of();
    Map<String, ServiceNetwork> out = new LinkedHashMap<>();
    for (MapNode.Entry e : n.entries()) {
      MapNode m = e.value() instanceof MapNode mm ? mm : MapNode.empty(e.keyPosition());
      out.put(e.key(), new ServiceNetwork(e.key(), strList(m.get("aliases")), str(m, "ipv4_address"), str(m, "ipv6_address")));
    }
    return Collections.unmodifiableMap(out);
  }

  private List<FileRef> fileRefs(MapNode s, String key, ModelPath path, String defaultDir) {
    if (!(s.get(key) instanceof SeqNode seq)) return List.of();
    List<FileRef> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      String source = str(m, "source");
      if (source == null) continue;
      String target = str(m, "target");
      if (target == null) target = defaultDir + source;
      else if (!target.startsWith("/") && defaultDir.equals("/run/secrets/")) target = defaultDir + target;
      out.add(new FileRef(source, target, str(m, "uid"), str(m, "gid"), integer(m, "mode"), path.key(key).index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  private Deploy deploy(MapNode s, ModelPath path) {
    MapNode d = s.getMap("deploy");
    Double cpus = number(s, "cpus");
    Long mem = bytes(s, "mem_limit");
    Long memRes = bytes(s, "mem_reservation");
    Long pids = s.get("pids_limit") instanceof ScalarNode p && p.kind() == ScalarNode.Kind.INT ? Long.parseLong(p.text()) : null;
    if (d == null) {
      Resources r = new Resources(cpus, mem, null, memRes, pids);
      return new Deploy(null, null, r, Map.of(), List.of(), null, null);
    }
    MapNode res = d.getMap("resources");
    MapNode lim = res == null ? null : res.getMap("limits");
    MapNode rsv = res == null ? null : res.getMap("reservations");
    Resources r = new Resources(
        lim != null && lim.has("cpus") ? number(lim, "cpus") : cpus,
        lim != null && lim.has("memory") ? bytes(lim, "memory") : mem,
        rsv != null && rsv.has("cpus") ? number(rsv, "cpus") : null,
        rsv != null && rsv.has("memory") ? bytes(rsv, "memory") : memRes,
        lim != null && lim.get("pids") instanceof ScalarNode p && p.kind() == ScalarNode.Kind.INT ? Long.valueOf(p.text()) : pids);
    MapNode placement = d.getMap("placement");
    MapNode restart = d.getMap("restart_policy");
    return new Deploy(str(d, "mode"), integer(d, "replicas"), r, strMap(d.get("labels")),
        placement == null ? List.of() : strList(placement.get("constraints")),
        restart == null ? null : str(restart, "condition"),
        restart == null ? null : integer(restart, "max_attempts"));
  }
}
