package dev.ferry.core.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path into the compose model, e.g. {@code services.web.ports[0].target}. Segments are map keys
 * (String) or sequence indexes (Integer). Keys that are not plain identifiers print quoted:
 * {@code services.web.labels["traefik.enable"]}.
 */
public final class ModelPath implements Comparable<ModelPath> {
  public static final ModelPath ROOT = new ModelPath(List.of());

  private final List<Object> segments;
  private String text;
  /** Cached: paths are hash keys in source maps and provenance, and their segments never change. */
  private int hash;

  private ModelPath(List<Object> segments) {
    this.segments = segments;
  }

  public static ModelPath of(Object... segments) {
    ModelPath p = ROOT;
    for (Object s : segments) p = s instanceof Integer i ? p.index(i) : p.key(s.toString());
    return p;
  }

  /** Parses the dotted form produced by {@link #toString()} (keys with dots must be quoted). */
  public static ModelPath parse(String s) {
    List<Object> segs = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int end = s.indexOf(']', i);
        String inner = s.substring(i + 1, end);
        if (inner.startsWith("\"")) {
          segs.add(inner.substring(1, inner.length() - 1).replace("\\\"", "\""));
        } else {
          segs.add(Integer.parseInt(inner));
        }
        i = end + 1;
      } else {
        int j = i;
        while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') j++;
        segs.add(s.substring(i, j));
        i = j;
      }
    }
    return new ModelPath(List.copyOf(segs));
  }

  public ModelPath key(String key) {
    List<Object> n = new ArrayList<>(segments.size() + 1);
    n.addAll(segments);
    n.add(key);
    return new ModelPath(Collections.unmodifiableList(n));
  }

  public ModelPath index(int i) {
    List<Object> n = new ArrayList<>(segments.size() + 1);
    n.addAll(segments);
    n.add(i);
    return new ModelPath(Collections.unmodifiableList(n));
  }

  public ModelPath parent() {
    return segments.isEmpty() ? this : new ModelPath(segments.subList(0, segments.size() - 1));
  }

  public List<Object> segments() {
    return segments;
  }

  public int size() {
    return segments.size();
  }

  public Object last() {
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  public Object get(int i) {
    return segments.get(i);
  }

  public boolean startsWith(ModelPath prefix) {
    return segments.size() >= prefix.segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  /** Matches a pattern like {@code services.*.ports} where {@code *} matches any one segment. */
  public boolean matches(String pattern) {
    return matches(pattern.split("\\."));
  }

  /** {@link #matches(String)} with the pattern already split on dots (for hot loops). */
  public boolean matches(String[] parts) {
    if (parts.length != segments.size()) return false;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("*")) continue;
      Object s = segments.get(i);
      if (parts[i].equals("[]")) {
        if (!(s instanceof Integer)) return false;
        continue;
      }
      if (!parts[i].equals(String.valueOf(s))) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      StringBuilder b = new StringBuilder();
      for (Object s : segments) {
        if (s instanceof Integer i) {
          b.append('[').append(i).append(']');
        } else {
          String k = (String) s;
          if (isPlain(k)) {
            if (b.length() > 0) b.append('.');
            b.append(k);
          } else {
            b.append("[\"").append(k.replace("\"", "\\\"")).append("\"]");
          }
        }
      }
      text = t = b.toString();
    }
    return t;
  }

  private static boolean isPlain(String k) {
    if (k.isEmpty()) return false;
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/')) return false;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ModelPath p && p.hashCode() == hashCode() && p.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) hash = h = segments.hashCode();
    return h;
  }

  @Override
  public int compareTo(ModelPath o) {
    return toString().compareTo(o.toString());
  }
}
