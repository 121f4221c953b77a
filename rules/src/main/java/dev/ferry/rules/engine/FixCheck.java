package dev.ferry.rules.engine;

import dev.ferry.core.load.stage.Parse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The proof a fix must pass before {@code lint --fix} writes it: the fixed text loads to the same
 * data as the original, document by document (so a multi-document file cannot be merged into one,
 * an anchor, alias or merge key cannot be broken, and flow style cannot be mangled). The only
 * differences allowed are the ones the fixable rules make on purpose: the top-level {@code version}
 * key may go, and the order of mapping keys and sequence items may change (the ordering rules sort
 * services, dependencies and ports). A text that does not load at all proves nothing: not fixed.
 */
public final class FixCheck {
  private FixCheck() {}

  /**
   * Whether {@code after} is the same compose model as {@code before}, as described above. Both
   * must be texts the loader has read without error (its bounds on size and alias expansion hold).
   */
  public static boolean sameModel(String before, String after) {
    List<Object> a = documents(before);
    List<Object> b = documents(after);
    if (a == null || b == null || a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (!canonical(a.get(i), true).equals(canonical(b.get(i), true))) return false;
    }
    return true;
  }

  private static List<Object> documents(String text) {
    try {
      List<Object> out = new ArrayList<>();
      // the loader's bounds, not snakeyaml-engine's defaults (3 MiB, 50 aliases of a collection): a
      // file ferry loads can be fixed. Both texts have loaded through the loader (Fixer parses the
      // fixed one before asking), so their expansion is within its node bound.
      for (Object o : new Load(LoadSettings.builder().setMaxAliasesForCollections(Integer.MAX_VALUE)
          .setCodePointLimit(Parse.MAX_BYTES)
          .setBufferSize(Parse.bufferSize(text)).build()).loadAllFromString(text)) {
        out.add(o);
      }
      return out;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String canonical(Object o, boolean top) {
    if (o instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (top && "version".equals(e.getKey())) continue;
        sorted.put(canonical(e.getKey(), false), canonical(e.getValue(), false));
      }
      return "{" + sorted + "}";
    }
    if (o instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object i : l) items.add(canonical(i, false));
      items.sort(null);
      return "[" + items + "]";
    }
    return o == null ? "~null" : o.getClass().getSimpleName() + ":" + o;
  }
}
