package dev.ferry.core.load.stage;

import static dev.ferry.core.load.stage.PlainReads.bool;
import static dev.ferry.core.load.stage.PlainReads.envMap;
import static dev.ferry.core.load.stage.PlainReads.hosts;
import static dev.ferry.core.load.stage.PlainReads.str;
import static dev.ferry.core.load.stage.PlainReads.strList;
import static dev.ferry.core.load.stage.PlainReads.strListOrNull;
import static dev.ferry.core.load.stage.PlainReads.strMap;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.model.EnvFile;
import dev.ferry.core.model.ImageRef;
import dev.ferry.core.model.NamespaceMode;
import dev.ferry.core.model.Service;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binding one service: its canonical tree to the grouped {@link Service} record (identity,
 * execution, networking, storage, security, deployment, health), reading env and label files
 * through {@link Bind.Files}.
 */
final class ServiceBinder {
  private final Diagnostics diags;
  private final Bind.Files files;
  private final TypedReads typed;
  private final ServiceParts parts;

  ServiceBinder(Diagnostics diags, Bind.Files files) {
    this.diags = diags;
    this.files = files;
    this.typed = new TypedReads(diags);
    this.parts = new ServiceParts(typed);
  }

  Service service(String name, ModelPath path, MapNode s) {
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

  Service.Identity identity(MapNode s) {
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
        str(s, "platform"),
        str(s, "provider", "type"));
  }

  Service.Execution execution(MapNode s, ModelPath path) {
    return new Service.Execution(
        strListOrNull(s.get("entrypoint")),
        strListOrNull(s.get("command")),
        str(s, "working_dir"),
        envMap(s.get("environment")),
        envFiles(s, path),
        bool(s, "stdin_open"),
        bool(s, "tty"),
        s.has("init") ? bool(s, "init") : null,
        typed.duration(s, "stop_grace_period", path),
        str(s, "stop_signal"),
        str(s, "logging", "driver"),
        RuntimeParts.hooks(s, path),
        RuntimeParts.models(s, path),
        RuntimeParts.gpus(s, path));
  }

  Service.Networking networking(MapNode s, ModelPath path) {
    return new Service.Networking(
        parts.ports(s, path),
        strList(s.get("expose")),
        parts.networks(s),
        NamespaceMode.parse(str(s, "network_mode")),
        strList(s.get("links")),
        hosts(s.get("extra_hosts")),
        strList(s.get("dns")),
        strList(s.get("dns_search")),
        strList(s.get("dns_opt")),
        str(s, "hostname"),
        str(s, "domainname"));
  }

  Service.Storage storage(MapNode s, ModelPath path) {
    return new Service.Storage(
        parts.mounts(s, path),
        parts.fileRefs(s, "secrets", path, "/run/secrets/"),
        parts.fileRefs(s, "configs", path, "/"),
        strList(s.get("tmpfs")),
        str(s, "shm_size"));
  }

  Service.Security security(MapNode s) {
    return new Service.Security(
        NamespaceMode.parse(str(s, "pid")),
        NamespaceMode.parse(str(s, "ipc")),
        str(s, "user"),
        bool(s, "privileged"),
        strList(s.get("cap_add")),
        strList(s.get("cap_drop")),
        bool(s, "read_only"),
        strList(s.get("security_opt")),
        strMap(s.get("sysctls")),
        strList(s.get("group_add")),
        NamespaceMode.parse(str(s, "uts")),
        NamespaceMode.parse(str(s, "userns_mode")));
  }

  Service.Deployment deployment(MapNode s, ModelPath path) {
    return new Service.Deployment(
        typed.restart(s, path),
        parts.deploy(s, path),
        typed.integer(s, "scale"));
  }

  Service.Health health(MapNode s, ModelPath path) {
    return new Service.Health(
        parts.healthcheck(s, path),
        parts.dependsOn(s, path));
  }

  List<EnvFile> envFiles(MapNode s, ModelPath path) {
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
  Map<String, String> labels(MapNode s) {
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
}
