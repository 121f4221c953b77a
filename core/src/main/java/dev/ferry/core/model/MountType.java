package dev.ferry.core.model;

import java.util.Locale;

/** The {@code type} of a service volume entry in long syntax. */
public enum MountType {
  VOLUME, BIND, TMPFS, NPIPE, CLUSTER, IMAGE;

  /** The type named {@code text} (as compose spells it), or null when there is none of that name. */
  public static MountType parse(String text) {
    for (MountType t : values()) if (t.compose().equals(text)) return t;
    return null;
  }

  /** The name compose uses, e.g. {@code bind}. */
  public String compose() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return compose();
  }
}
