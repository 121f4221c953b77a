package dev.ferry.core.helm;

/** Image references split for values and joined again exactly as the template helper does. */
final class Images {
  private Images() {}

  static String join(String repository, String tag, String digest) {
    StringBuilder b = new StringBuilder(repository);
    if (tag != null && !tag.isEmpty()) b.append(':').append(tag);
    if (digest != null && !digest.isEmpty()) b.append('@').append(digest);
    return b.toString();
  }
}
