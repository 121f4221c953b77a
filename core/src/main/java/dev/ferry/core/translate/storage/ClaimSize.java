package dev.ferry.core.translate.storage;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.model.units.ByteSizes;
import dev.ferry.core.model.units.Quantities;
import dev.ferry.core.translate.Steering;
import dev.ferry.core.translate.TranslationContext;
import java.util.regex.Pattern;

/** A claim's size: a steered size ("10G", "10gb", "10Gi") as a Kubernetes quantity, else the default. */
final class ClaimSize {
  private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
  private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?[A-Za-z]*");

  private ClaimSize() {}

  /** A steered size that is a size, else a {@code steering-invalid} finding and null (the default is used). */
  static Steering.Value valid(TranslationContext ctx, String service, Steering.Value size) {
    if (size == null || quantityOrNull(size.text()) != null) return size;
    ctx.report("steering-invalid", Severity.WARNING, size.path(), service, "volume size \"" + size.text()
        + "\" is not a size (like 10Gi or 500Mi); the default " + Storage.DEFAULT_SIZE + " is used");
    return null;
  }

  /** "10G" / "10gb" / "10Gi" to a Kubernetes quantity; already-valid quantities pass through. */
  static String quantity(String text) {
    String q = quantityOrNull(text);
    return q == null ? Storage.DEFAULT_SIZE : q;
  }

  /** The quantity of a size, or null when it is not one. */
  static String quantityOrNull(String text) {
    String t = text.trim();
    if (QUANTITY.matcher(t).matches()) return ZERO.matcher(t).matches() ? null : t;
    try {
      long b = ByteSizes.parse(t);
      return b <= 0 ? null : Quantities.memory(b);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
