package dev.ferry.core.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a set that a text can mention in the sense of {@link ObjectGraph#mentions}, found
 * from the text's words instead of by trying every name: a name of word characters and '-' only
 * matches exactly where a run of [A-Za-z0-9_.-] starts, and is then that run up to its first '.'.
 * Other names are kept as candidates. The result is in the set's order and is a superset of the
 * names mentioned; the caller confirms each with the exact pattern. The set is indexed once, so a
 * text costs its own length plus its candidates, not a visit of every name.
 */
final class Mentions {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  /** Plain names → their position in the set. */
  private final Map<String, Integer> plain = new HashMap<>();
  /** The other names (always candidates), with their positions. */
  private final List<String> other = new ArrayList<>();
  private final List<Integer> otherAt = new ArrayList<>();

  Mentions(Set<String> names) {
    int i = 0;
    for (String name : names) {
      if (PLAIN.matcher(name).matches()) plain.put(name, i);
      else {
        other.add(name);
        otherAt.add(i);
      }
      i++;
    }
  }

  /** The candidate names {@code text} may mention, in the set's order. */
  List<String> in(CharSequence text) {
    Set<String> words = new HashSet<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!run(text.charAt(i)) || (i > 0 && run(text.charAt(i - 1)))) continue;
      int e = i;
      while (e < n && run(text.charAt(e)) && text.charAt(e) != '.') e++;
      words.add(text.subSequence(i, e).toString());
    }
    List<Map.Entry<Integer, String>> found = new ArrayList<>();
    for (String w : words) {
      Integer at = plain.get(w);
      if (at != null) found.add(Map.entry(at, w));
    }
    for (int k = 0; k < other.size(); k++) found.add(Map.entry(otherAt.get(k), other.get(k)));
    found.sort(Map.Entry.comparingByKey());
    List<String> out = new ArrayList<>(found.size());
    for (Map.Entry<Integer, String> f : found) out.add(f.getValue());
    return out;
  }

  private static boolean run(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }
}
