package dev.ferry.core.text;

import java.util.List;

/**
 * Kubernetes expands {@code $(NAME)} in a container's command, args and env values (to the value
 * of env var NAME when the container defines it) and reduces {@code $$} to {@code $}. Compose
 * passes those strings through untouched, so a compose {@code command: sh -c 'echo $$(date)'}
 * (the shell's command substitution) or a literal {@code $$} would change on Kubernetes.
 * {@link #escape} writes a {@code $} that is followed by {@code $} or {@code (} as {@code $$},
 * which the kubelet turns back into exactly the compose string; other text is unchanged.
 */
public final class KubeExpansion {
  private KubeExpansion() {}

  public static String escape(String s) {
    if (s == null || s.indexOf('$') < 0) return s;
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c);
      if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '$' || s.charAt(i + 1) == '(')) b.append('$');
    }
    return b.toString();
  }

  public static List<String> escape(List<String> words) {
    return words == null ? null : words.stream().map(KubeExpansion::escape).toList();
  }
}
