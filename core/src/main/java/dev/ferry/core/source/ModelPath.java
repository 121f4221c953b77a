package dev.ferry.core.source;

import java.util.Objects;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A path into the compose model, e.g. {@code services.web.ports[0].target}. Segments are map keys
 * (String) or sequence indexes (Integer). Keys that are not plain identifiers print quoted:
 * {@code services.web.labels["traefik.enable"]}.
 *
 * <p>A path is its parent plus one segment, so {@link #key} and {@link #index} cost one small
 * object, not a copy of every segment (mappers derive hundreds of thousands of paths at 10,000
 * services); the segment list is built once, when first asked for.
 */
public final class ModelPath implements Comparable<ModelPath> {
  public static final ModelPath ROOT = new ModelPath(null, null);

  /** null only for {@link #ROOT}. */
  private final ModelPath parent;
  /** The last segment (String or Integer); null only for {@link #ROOT}. */
  private final Object last;
  private final int size;
  /** {@code segments().hashCode()}, computed from the parent's: paths are hash keys in source maps and provenance. */
  private final int hash;
  private String text;
  private List<Object> segments;

  private ModelPath(ModelPath parent, Object last) {
    this.parent = parent;
    this.last = last;
    this.size = parent == null ? 0 : parent.size + 1;
    this.hash = parent == null ? 1 : 31 * parent.hash + Objects.hashCode(last);
  }

  public static ModelPath of(Object... segments) {
    ModelPath p = ROOT;
    for (Object s : segments) p = s instanceof Integer i ? p.index(i) : p.key(s.toString());
    return p;
  }

  /** Parses the dotted form produced by {@link #toString()} (keys with dots must be quoted). */
  public static ModelPath parse(String s) {
    ModelPath p = ROOT;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int end = s.indexOf(']', i);
        String inner = s.substring(i + 1, end);
        if (inner.startsWith("\"")) {
          p = p.key(inner.substring(1, inner.length() - 1).replace("\\\"", "\""));
        } else {
          p = p.index(Integer.parseInt(inner));
        }
        i = end + 1;
      } else {
        int j = i;
        while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') j++;
        p = p.key(s.substring(i, j));
        i = j;
      }
    }
    return p;
  }

  public ModelPath key(String key) {
    return new ModelPath(this, key);
  }

  public ModelPath index(int i) {
    return new ModelPath(this, i);
  }

  public ModelPath parent() {
    return parent == null ? this : parent;
  }

  /** The segments, root first (built once per path, unmodifiable). */
  public List<Object> segments() {
    List<Object> l = segments;
    if (l == null) {
      Object[] a = new Object[size];
      ModelPath p = this;
      for (int i = size - 1; i >= 0; i--, p = p.parent) a[i] = p.last;
      segments = l = Collections.unmodifiableList(Arrays.asList(a));
    }
    return l;
  }

  public int size() {
    return size;
  }

  public Object last() {
    return last;
  }

  public Object get(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("Index " + i + " out of bounds for length " + size);
    return ancestor(i + 1).last;
  }

  /** The prefix of this path with {@code n} segments ({@code n <= size}). */
  private ModelPath ancestor(int n) {
    ModelPath p = this;
    for (int k = size; k > n; k--) p = p.parent;
    return p;
  }

  public boolean startsWith(ModelPath prefix) {
    return size >= prefix.size && ancestor(prefix.size).equals(prefix);
  }

  /** Matches a pattern like {@code services.*.ports} where {@code *} matches any one segment. */
  public boolean matches(String pattern) {
    return matches(pattern.split("\\."));
  }

  /** {@link #matches(String)} with the pattern already split on dots (for hot loops). */
  public boolean matches(String[] parts) {
    if (parts.length != size) return false;
    ModelPath p = this;
    for (int i = parts.length - 1; i >= 0; i--, p = p.parent) {
      if (parts[i].equals("*")) continue;
      Object s = p.last;
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
      for (Object s : segments()) {
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
    if (o == this) return true;
    if (!(o instanceof ModelPath p) || p.hash != hash || p.size != size) return false;
    ModelPath a = this;
    while (a != p && a.parent != null) {
      if (!Objects.equals(a.last, p.last)) return false;
      a = a.parent;
      p = p.parent;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(ModelPath o) {
    return toString().compareTo(o.toString());
  }
}
