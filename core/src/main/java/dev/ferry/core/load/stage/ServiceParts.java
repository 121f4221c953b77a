package dev.ferry.core.load.stage;

import static dev.ferry.core.load.stage.PlainReads.bool;
import static dev.ferry.core.load.stage.PlainReads.str;
import static dev.ferry.core.load.stage.PlainReads.strList;
import static dev.ferry.core.load.stage.PlainReads.strMap;

import dev.ferry.core.model.Deploy;
import dev.ferry.core.model.DependsOn;
import dev.ferry.core.model.FileRef;
import dev.ferry.core.model.Healthcheck;
import dev.ferry.core.model.Mount;
import dev.ferry.core.model.MountType;
import dev.ferry.core.model.PortMapping;
import dev.ferry.core.model.Resources;
import dev.ferry.core.model.ServiceNetwork;
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
 * Binding the structured parts of a service (ports, mounts, healthcheck, depends_on, networks,
 * secrets and configs, deploy) from their canonical long syntax to model records; each item keeps
 * the model path it came from.
 */
final class ServiceParts {
  private final TypedReads typed;

  ServiceParts(TypedReads typed) {
    this.typed = typed;
  }

  List<PortMapping> ports(MapNode s, ModelPath path) {
    if (!(s.get("ports") instanceof SeqNode seq)) return List.of();
    List<PortMapping> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      Integer target = typed.integer(m, "target");
      if (target == null) continue;
      out.add(new PortMapping(str(m, "name"), target, str(m, "published"), str(m, "host_ip"),
          typed.protocol(m), str(m, "app_protocol"), str(m, "mode"), path.key("ports").index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  List<Mount> mounts(MapNode s, ModelPath path) {
    if (!(s.get("volumes") instanceof SeqNode seq)) return List.of();
    List<Mount> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      MapNode tmpfs = m.getMap("tmpfs");
      MapNode bind = m.getMap("bind");
      MapNode vol = m.getMap("volume");
      MapNode image = m.getMap("image");
      out.add(new Mount(MountType.parse(str(m, "type")), str(m, "source"), str(m, "target"), bool(m, "read_only"),
          tmpfs == null ? null : typed.bytes(tmpfs, "size"),
          vol != null ? str(vol, "subpath") : image != null ? str(image, "subpath") : null,
          bind != null && bool(bind, "create_host_path"),
          path.key("volumes").index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  Healthcheck healthcheck(MapNode s, ModelPath path) {
    MapNode h = s.getMap("healthcheck");
    if (h == null) return null;
    ModelPath hp = path.key("healthcheck");
    return new Healthcheck(
        h.has("test") ? strList(h.get("test")) : null,
        typed.duration(h, "interval", hp), typed.duration(h, "timeout", hp), typed.integer(h, "retries"),
        typed.duration(h, "start_period", hp), typed.duration(h, "start_interval", hp), bool(h, "disable"));
  }

  Map<String, DependsOn> dependsOn(MapNode s, ModelPath path) {
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

  Map<String, ServiceNetwork> networks(MapNode s) {
    MapNode n = s.getMap("networks");
    if (n == null) return Map.of();
    Map<String, ServiceNetwork> out = new LinkedHashMap<>();
    for (MapNode.Entry e : n.entries()) {
      MapNode m = e.value() instanceof MapNode mm ? mm : MapNode.empty(e.keyPosition());
      out.put(e.key(), new ServiceNetwork(e.key(), strList(m.get("aliases")), str(m, "ipv4_address"), str(m, "ipv6_address")));
    }
    return Collections.unmodifiableMap(out);
  }

  List<FileRef> fileRefs(MapNode s, String key, ModelPath path, String defaultDir) {
    if (!(s.get(key) instanceof SeqNode seq)) return List.of();
    List<FileRef> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode m)) continue;
      String source = str(m, "source");
      if (source == null) continue;
      String target = str(m, "target");
      if (target == null) target = defaultDir + source;
      else if (!target.startsWith("/") && defaultDir.equals("/run/secrets/")) target = defaultDir + target;
      out.add(new FileRef(source, target, str(m, "uid"), str(m, "gid"), typed.integer(m, "mode"), path.key(key).index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  Deploy deploy(MapNode s, ModelPath path) {
    MapNode d = s.getMap("deploy");
    Double cpus = typed.number(s, "cpus");
    Long mem = typed.bytes(s, "mem_limit");
    Long memRes = typed.bytes(s, "mem_reservation");
    Long pids = s.get("pids_limit") instanceof ScalarNode p && p.kind() == ScalarNode.Kind.INT ? Long.parseLong(p.text()) : null;
    if (d == null) {
      Resources r = new Resources(cpus, mem, null, memRes, pids);
      return new Deploy(null, null, r, Map.of(), List.of(), List.of(), null, null, List.of());
    }
    MapNode res = d.getMap("resources");
    MapNode lim = res == null ? null : res.getMap("limits");
    MapNode rsv = res == null ? null : res.getMap("reservations");
    Resources r = new Resources(
        lim != null && lim.has("cpus") ? typed.number(lim, "cpus") : cpus,
        lim != null && lim.has("memory") ? typed.bytes(lim, "memory") : mem,
        rsv != null && rsv.has("cpus") ? typed.number(rsv, "cpus") : null,
        rsv != null && rsv.has("memory") ? typed.bytes(rsv, "memory") : memRes,
        lim != null && lim.get("pids") instanceof ScalarNode p && p.kind() == ScalarNode.Kind.INT ? Long.valueOf(p.text()) : pids);
    MapNode placement = d.getMap("placement");
    MapNode restart = d.getMap("restart_policy");
    return new Deploy(str(d, "mode"), typed.integer(d, "replicas"), r, strMap(d.get("labels")),
        placement == null ? List.of() : strList(placement.get("constraints")),
        placement == null ? List.of() : spreads(placement.get("preferences")),
        restart == null ? null : str(restart, "condition"),
        restart == null ? null : typed.integer(restart, "max_attempts"),
        rsv == null ? List.of() : RuntimeParts.devices(rsv.get("devices"), path.key("deploy").key("resources").key("reservations").key("devices")));
  }

  /** Each placement preference's {@code spread} (trimmed), or null for one that is not a spread; index for index. */
  private static List<String> spreads(Node prefs) {
    if (!(prefs instanceof SeqNode q)) return List.of();
    List<String> out = new ArrayList<>(q.size());
    for (Node p : q.items()) {
      out.add(p instanceof MapNode m && m.get("spread") instanceof ScalarNode v ? v.text().trim() : null);
    }
    return Collections.unmodifiableList(out);
  }
}
