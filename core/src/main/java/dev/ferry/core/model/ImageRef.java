package dev.ferry.core.model;

/**
 * An image reference split into parts: {@code registry/repository:tag@digest}. {@code repository}
 * includes the registry host when there is one (as Docker prints it).
 */
public record ImageRef(String raw, String repository, String tag, String digest) {
  public static ImageRef parse(String raw) {
    String s = raw.trim();
    String digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    return new ImageRef(raw, s, tag, digest);
  }

  /** Last path segment of the repository, e.g. {@code postgres} for {@code docker.io/library/postgres}. */
  public String shortName() {
    int slash = repository.lastIndexOf('/');
    return slash >= 0 ? repository.substring(slash + 1) : repository;
  }

  public boolean hasTag() {
    return tag != null && !tag.isEmpty();
  }

  public boolean hasDigest() {
    return digest != null && !digest.isEmpty();
  }
}
