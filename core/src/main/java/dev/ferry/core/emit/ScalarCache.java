package dev.ferry.core.emit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How {@link BlockYaml} writes a short scalar, by its text: shared by the threads that render
 * objects, bounded in entries and in the length of what it keeps (a long value is rare and cheap
 * to classify once). Entries are a pure function of their key, so a race only repeats work.
 */
final class ScalarCache {
  private static final int MAX_ENTRIES = 8192;
  private static final int MAX_LENGTH = 256;
  private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>(1024);

  /** The cached text for {@code s}, or null. */
  String get(String s) {
    return map.get(s);
  }

  /** Remembers {@code text} for {@code s} if there is room; returns {@code text}. */
  String put(String s, String text) {
    if (s.length() <= MAX_LENGTH && map.size() < MAX_ENTRIES) map.put(s, text);
    return text;
  }
}
