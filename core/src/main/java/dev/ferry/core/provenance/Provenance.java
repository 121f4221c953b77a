package dev.ferry.core.provenance;

import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each emitted field came from: for an object (kind/name) and a field path inside it
 * (dotted, e.g. {@code spec.template.spec.containers[0].ports[0]}), the compose model path it was
 * translated from, or a reason when ferry chose a default. Kept by the mappers as they emit, so
 * {@code explain} and {@code convert --annotate} never guess.
 */
public final class Provenance {
  /** One link: object, field, source path (null for a default) and the reason/note. */
  public record Link(String kind, String name, String field, ModelPath source, String note) {}

  private final List<Link> links = new ArrayList<>();
  /** kind → name → that object's links, in order (so {@link #of} is not a scan, and no key string is built per link). */
  private final Map<String, Map<String, List<Link>>> byObject = new HashMap<>();

  public void from(String kind, String name, String field, ModelPath source) {
    add(new Link(kind, name, field, source, null));
  }

  public void from(String kind, String name, String field, ModelPath source, String note) {
    add(new Link(kind, name, field, source, note));
  }

  public void defaulted(String kind, String name, String field, String reason) {
    add(new Link(kind, name, field, null, reason));
  }

  private void add(Link l) {
    links.add(l);
    byObject.computeIfAbsent(l.kind(), k -> new HashMap<>()).computeIfAbsent(l.name(), k -> new ArrayList<>(8)).add(l);
  }

  /**
   * Appends {@code other}'s links, in their order, as if they had been added here one by one. Moves
   * them: {@code other} (a fork's buffer) must not be used afterwards, its per-object lists become ours.
   */
  public void addAll(Provenance other) {
    links.addAll(other.links);
    for (Map.Entry<String, Map<String, List<Link>>> k : other.byObject.entrySet()) {
      Map<String, List<Link>> mine = byObject.putIfAbsent(k.getKey(), k.getValue());
      if (mine == null) continue;
      for (Map.Entry<String, List<Link>> n : k.getValue().entrySet()) {
        List<Link> l = mine.putIfAbsent(n.getKey(), n.getValue());
        if (l != null) l.addAll(n.getValue());
      }
    }
  }

  public List<Link> links() {
    return Collections.unmodifiableList(links);
  }

  /** The links of one object. */
  public List<Link> of(String kind, String name) {
    Map<String, List<Link>> names = byObject.get(kind);
    List<Link> l = names == null ? null : names.get(name);
    return l == null ? List.of() : Collections.unmodifiableList(l);
  }
}
