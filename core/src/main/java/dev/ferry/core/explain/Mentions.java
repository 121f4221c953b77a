package dev.ferry.core.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a set that a text can mention in the sense of {@link ObjectGraph#mentions}, found
 * from the text's words instead of by trying every name: a name of word characters and '-' only
 * matches exactly where a run of [A-Za-z0-9_.-] starts, and is then that run up to its first '.'.
 * Other names are kept as candidates. The result is in the set's order and is a superset of the
 * names mentioned; the caller confirms each with the exact pattern.
 */
final class Mentions {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  private Mentions() {}

  static List<String> in(CharSequence text, Set<String> names) {
    Set<String> words = new HashSet<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!run(text.charAt(i)) || (i > 0 && run(text.charAt(i - 1)))) continue;
      int e = i;
      while (e < n && run(text.charAt(e)) && text.charAt(e) != '.') e++;
      words.add(text.subSequence(i, e).toString());
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (words.contains(name) || !PLAIN.matcher(name).matches()) out.add(name);
    }
    return out;
  }

  private static boolean run(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }
}
