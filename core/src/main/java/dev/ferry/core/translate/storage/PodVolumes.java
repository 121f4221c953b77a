package dev.ferry.core.translate.storage;

import dev.ferry.core.knowledge.Naming;
import dev.ferry.core.source.ModelPath;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The volumes of one Pod, shared by its containers (sidecars included): each distinct source
 * (a claim, a ConfigMap, a host path, a tmpfs) becomes one volume with a unique, valid name.
 */
public final class PodVolumes {
  private final Map<String, Volume> byKey = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, ModelPath> sources = new LinkedHashMap<>();

  /**
   * The name of the volume for {@code key}, creating it with {@code make} (given the chosen
   * name) the first time. {@code base} is the wanted name; {@code source} is the compose entry
   * that first asked for it (the volume's provenance).
   */
  public String use(String key, String base, ModelPath source, Function<String, Volume> make) {
    String n = names.get(key);
    if (n != null) return n;
    String b = Naming.sanitize(base);
    n = b;
    for (int i = 2; names.containsValue(n); i++) n = (b.length() > 58 ? b.substring(0, 58) : b) + "-" + i;
    names.put(key, n);
    sources.put(key, source);
    byKey.put(key, make.apply(n));
    return n;
  }

  public List<Volume> all() {
    return new ArrayList<>(byKey.values());
  }

  /** The compose entry each volume (in {@link #all()} order) came from. */
  public List<ModelPath> sources() {
    return new ArrayList<>(sources.values());
  }
}
