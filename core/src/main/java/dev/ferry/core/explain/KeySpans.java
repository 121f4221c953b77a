package dev.ferry.core.explain;

import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.source.ModelPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans with a compose source, by the compose key they come from ({@code services.X.key}: the
 * first three segments of the source), in alignment order. A construct note asks what one key
 * produced; looking it up here instead of scanning every span kept explain linear in the number of
 * services.
 */
final class KeySpans {
  private final Map<ModelPath, List<Alignment.Span>> byKey = new HashMap<>();

  KeySpans(Alignment a) {
    for (Alignment.Span s : a.spans()) {
      ModelPath src = s.link().source();
      if (s.isDefault() || src == null || src.size() < 3) continue;
      ModelPath key = src;
      while (key.size() > 3) key = key.parent();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
  }

  /** The spans whose source is {@code key} (three segments) or under it, in alignment order. */
  List<Alignment.Span> under(ModelPath key) {
    if (key.size() != 3) throw new IllegalArgumentException("a key path has three segments: " + key);
    return byKey.getOrDefault(key, List.of());
  }
}
