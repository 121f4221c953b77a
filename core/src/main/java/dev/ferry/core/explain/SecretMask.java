package dev.ferry.core.explain;

import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.source.ModelPath;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;

/**
 * Hides Secret values in what {@code explain} shows: a {@code data}/{@code stringData} entry of a
 * Secret is shown as its key and a mask with the value's length (values come from env files,
 * {@code .env} and secret files; a report is shared more widely than the manifests). Lines of a
 * multi-line value show only the mask. {@code convert} is not affected: it must emit the values.
 */
public final class SecretMask {
  private final String mask;

  private SecretMask(String mask) {
    this.mask = mask;
  }

  /** ASCII mask for terminals. */
  public static final SecretMask TEXT = new SecretMask("****");
  /** The mask in HTML. */
  public static final SecretMask HTML = new SecretMask("\u2022\u2022\u2022\u2022");

  /** Line {@code rel} (1-based within object {@code o}) as shown: its value masked when it holds Secret data. */
  public String line(Alignment.Obj o, int rel) {
    String text = o.yaml().line(rel);
    if (!(o.object() instanceof Secret s)) return text;
    for (LineIndex.Entry e : o.yaml().containing(rel, 2)) {
      ModelPath p = e.path();
      Map<String, String> values = "data".equals(p.get(0)) ? s.getData() : "stringData".equals(p.get(0)) ? s.getStringData() : null;
      if (values == null) continue;
      String v = values.get(String.valueOf(p.get(1)));
      int len = v == null ? 0 : v.length();
      String indent = text.substring(0, text.length() - text.stripLeading().length());
      if (rel != e.line()) return indent + mask;
      int colon = text.indexOf(':');
      return (colon < 0 ? text : text.substring(0, colon + 1)) + " " + mask + " (" + len + " characters, hidden)";
    }
    return text;
  }

  /** Whether line {@code rel} of {@code o} holds a Secret value. */
  public static boolean isSecretValue(Alignment.Obj o, int rel) {
    return !TEXT.line(o, rel).equals(o.yaml().line(rel));
  }
}
