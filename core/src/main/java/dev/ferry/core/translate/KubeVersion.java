package dev.ferry.core.translate;

/**
 * A Kubernetes minor version the output targets ({@code --kube-version}). ferry supports the
 * versions its manifests are validated against, {@link #OLDEST} to {@link #NEWEST}; the default is
 * the oldest, so output applies to every supported cluster unless the user says more.
 */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {
  public static final KubeVersion OLDEST = new KubeVersion(1, 30);
  public static final KubeVersion NEWEST = new KubeVersion(1, 36);
  /** {@code image} volumes (OCI artifacts mounted read-only): beta, served by the API, from 1.33. */
  public static final KubeVersion IMAGE_VOLUMES = new KubeVersion(1, 33);

  /** Parses {@code 1.33}, {@code v1.33} or {@code 1.33.2}; rejects versions outside the supported range. */
  public static KubeVersion parse(String text) {
    String t = text.trim();
    if (t.startsWith("v")) t = t.substring(1);
    String[] p = t.split("\\.");
    KubeVersion v;
    try {
      if (p.length < 2 || p.length > 3) throw new NumberFormatException();
      v = new KubeVersion(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Kubernetes version: \"" + text + "\" (expected e.g. 1.33)");
    }
    if (v.compareTo(OLDEST) < 0 || v.compareTo(NEWEST) > 0) {
      throw new IllegalArgumentException("Kubernetes " + v + " is not supported (ferry supports " + OLDEST + " to " + NEWEST + ")");
    }
    return v;
  }

  public boolean atLeast(KubeVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(KubeVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
