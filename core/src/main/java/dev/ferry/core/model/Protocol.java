package dev.ferry.core.model;

import java.util.Locale;

/** A port's transport protocol; Docker knows these three (in any letter case) and refuses others. */
public enum Protocol {
  TCP, UDP, SCTP;

  /** The protocol {@code text} names, or null when it names none (the loader reports it). */
  public static Protocol parse(String text) {
    for (Protocol p : values()) if (p.name().equalsIgnoreCase(text)) return p;
    return null;
  }

  /** The spelling compose uses, e.g. {@code udp}. */
  public String compose() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The spelling Kubernetes uses, e.g. {@code UDP}. */
  public String kube() {
    return name();
  }
}
