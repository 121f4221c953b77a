package dev.ferry.rules.hygiene;

import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.Fixable;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleOptions;
import dev.ferry.rules.api.TextEdit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of the ordering rules: each finds ordered groups (a mapping's keys or a sequence's
 * items, as written), gives every item a sort key, reports the items that come after a greater one,
 * and fixes by moving whole blocks of lines (see {@link BlockSort}).
 */
abstract class OrderRule implements Rule, Fixable {
  /** One entry: what to call it, where it is written, and its sort key. */
  record Item(String label, Position position, String key) {}

  /** One ordered collection; {@code sequence} when its entries are {@code - } items. */
  record Group(List<Item> items, boolean sequence, String service, boolean fixable) {}

  /** The groups of one file as written. */
  abstract List<Group> groups(MapNode file, RuleOptions options);

  /** The message for an item that should come before {@code before}. */
  abstract String message(Item item, Item before, Group g);

  @Override
  public void check(RuleContext ctx) {
    Set<Position> seen = new HashSet<>();
    for (MapNode file : ctx.parsedFiles().values()) {
      for (Group g : groups(file, ctx.options())) {
        Item max = null;
        for (Item it : g.items()) {
          if (max != null && it.key().compareTo(max.key()) < 0) {
            Item before = firstGreater(g, it);
            if (seen.add(it.position())) ctx.report(it.position(), g.service(), message(it, before, g));
          } else {
            max = it;
          }
        }
      }
    }
  }

  private static Item firstGreater(Group g, Item it) {
    for (Item o : g.items()) if (o.key().compareTo(it.key()) > 0) return o;
    return it;
  }

  @Override
  public List<TextEdit> fixes(FixInput in) {
    List<TextEdit> out = new ArrayList<>();
    for (Group g : groups(in.parsed(), in.options())) {
      if (!g.fixable()) continue;
      int[] order = BlockSort.order(g.items().stream().map(Item::key).toList());
      if (order == null) continue;
      int n = g.items().size();
      int[] lines = new int[n];
      int[] cols = new int[n];
      for (int i = 0; i < n; i++) {
        Position p = g.items().get(i).position();
        if (!p.file().equals(in.file())) return out;
        lines[i] = p.line();
        cols[i] = p.column();
      }
      BlockSort.sort(in, lines, cols, g.sequence(), order).ifPresent(out::add);
    }
    return out;
  }

  /** Items of a mapping written in the file itself; fixable only without merged-in keys. */
  static Group mapGroup(MapNode m, String service, Function<MapNode.Entry, String> key) {
    List<MapNode.Entry> own = ComposeAsWritten.own(m);
    List<Item> items = new ArrayList<>();
    for (MapNode.Entry e : own) items.add(new Item(e.key(), e.keyPosition(), key.apply(e)));
    return new Group(items, false, service, own.size() == m.size() && !m.position().equals(Position.UNKNOWN));
  }

  /** Items of a sequence whose item positions are distinct lines (block style). */
  static Group seqGroup(SeqNode s, String service, Function<Node, String> label,
      Function<Node, String> key) {
    List<Item> items = new ArrayList<>();
    for (Node n : s.items()) items.add(new Item(label.apply(n), n.position(), key.apply(n)));
    return new Group(items, true, service, true);
  }

  /** Services of a file as written, each once (aliases skipped). */
  static List<Map.Entry<String, MapNode>> services(MapNode file) {
    List<Map.Entry<String, MapNode>> out = new ArrayList<>();
    if (!(file.get("services") instanceof MapNode services)) return out;
    Set<Position> seen = new HashSet<>();
    for (MapNode.Entry e : ComposeAsWritten.own(services)) {
      if (e.value() instanceof MapNode svc && seen.add(svc.position())) out.add(Map.entry(e.key(), svc));
    }
    return out;
  }

  /** A sort key: {@code n} zero-padded to 12 digits (by hand: String.format per item showed in lint's profile). */
  static String padded(long n) {
    if (n < 0) return String.format(Locale.ROOT, "%012d", n);
    String s = Long.toString(n);
    return s.length() >= 12 ? s : "000000000000".substring(s.length()) + s;
  }
}
