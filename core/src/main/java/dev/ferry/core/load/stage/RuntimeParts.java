package dev.ferry.core.load.stage;

import dev.ferry.core.model.DeviceRequest;
import dev.ferry.core.model.Hook;
import dev.ferry.core.model.ModelUse;
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
 * Binds a service's 2026 compose run-time additions: its {@code post_start}, {@code pre_stop} and
 * {@code pre_start} hooks ({@link Hook}), the models it uses ({@link ModelUse}) and its device
 * requests ({@code gpus} and {@code deploy.resources.reservations.devices}, {@link DeviceRequest}).
 */
final class RuntimeParts {
  private RuntimeParts() {}

  static Hook.Hooks hooks(MapNode s, ModelPath path) {
    if (!s.has("post_start") && !s.has("pre_stop") && !s.has("pre_start")) return Hook.Hooks.NONE;
    return new Hook.Hooks(list(s, "post_start", path), list(s, "pre_stop", path), list(s, "pre_start", path));
  }

  /** The key's hooks; items that are not mappings are left out (the schema reports them). */
  private static List<Hook> list(MapNode s, String key, ModelPath path) {
    if (!(s.get(key) instanceof SeqNode seq)) return List.of();
    List<Hook> out = new ArrayList<>(seq.size());
    for (int i = 0; i < seq.size(); i++) {
      if (seq.get(i) instanceof MapNode h) out.add(hook(h, path.key(key).index(i)));
    }
    return Collections.unmodifiableList(out);
  }

  private static Hook hook(MapNode h, ModelPath at) {
    String shell = null;
    List<String> exec = null;
    Node c = h.get("command");
    if (c instanceof ScalarNode sc && !sc.isNull()) {
      shell = sc.asString();
    } else if (c instanceof SeqNode cs) {
      List<String> words = new ArrayList<>(cs.size());
      for (Node w : cs.items()) if (w instanceof ScalarNode ws && !ws.isNull()) words.add(ws.asString());
      exec = Collections.unmodifiableList(words);
    }
    return new Hook(at, shell, exec, h.getString("image"), h.getString("user"), h.getString("privileged"),
        h.getString("working_dir"), environment(h.get("environment")), h.getString("per_replica"));
  }

  /** A hook's {@code environment}, map or {@code KEY=VALUE} list, as ordered pairs; null when absent. */
  private static List<Map.Entry<String, String>> environment(Node n) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        pairs.add(Map.entry(e.key(), e.value() instanceof ScalarNode v && !v.isNull() ? v.asString() : ""));
      }
    } else if (n instanceof SeqNode seq) {
      for (Node i : seq.items()) {
        if (!(i instanceof ScalarNode sc)) continue;
        String t = sc.asString();
        int eq = t.indexOf('=');
        pairs.add(eq < 0 ? Map.entry(t, "") : Map.entry(t.substring(0, eq), t.substring(eq + 1)));
      }
    } else {
      return null;
    }
    return Collections.unmodifiableList(pairs);
  }

  /** The models a service uses, list or map form, in order; a model named twice keeps its first place and last entry. */
  static List<ModelUse> models(MapNode s, ModelPath path) {
    Node n = s.get("models");
    if (n == null) return List.of();
    Map<String, ModelUse> out = new LinkedHashMap<>();
    if (n instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        if (seq.get(i) instanceof ScalarNode sc && !sc.isNull()) {
          out.put(sc.asString(), new ModelUse(sc.asString(), path.key("models").index(i), null, null));
        }
      }
    } else if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        MapNode use = e.value() instanceof MapNode u ? u : null;
        out.put(e.key(), new ModelUse(e.key(), path.key("models").key(e.key()),
            use == null ? null : use.getString("endpoint_var"), use == null ? null : use.getString("model_var")));
      }
    }
    return List.copyOf(out.values());
  }

  /** {@code gpus}: {@code all} or a number is one request of that count; a list, one request per entry. */
  static List<DeviceRequest> gpus(MapNode s, ModelPath path) {
    Node gpus = s.get("gpus");
    if (gpus instanceof ScalarNode g && !g.isNull()) {
      return List.of(new DeviceRequest(path.key("gpus"), null, g.asString(), 0, List.of()));
    }
    return devices(gpus, path.key("gpus"));
  }

  /** Device request entries of a list; items that are not mappings are left out (the schema reports them). */
  static List<DeviceRequest> devices(Node n, ModelPath at) {
    if (!(n instanceof SeqNode seq)) return List.of();
    List<DeviceRequest> out = new ArrayList<>(seq.size());
    for (int i = 0; i < seq.size(); i++) {
      if (!(seq.get(i) instanceof MapNode d)) continue;
      List<String> caps = new ArrayList<>();
      if (d.get("capabilities") instanceof SeqNode cs) {
        for (Node c : cs.items()) if (c instanceof ScalarNode sc) caps.add(sc.asString());
      }
      out.add(new DeviceRequest(at.index(i), d.getString("driver"),
          d.get("count") instanceof ScalarNode c && !c.isNull() ? c.asString() : null,
          d.get("device_ids") instanceof SeqNode ids ? ids.size() : 0, caps));
    }
    return Collections.unmodifiableList(out);
  }
}
