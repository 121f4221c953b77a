package dev.ferry.core.load.stage;

import dev.ferry.core.diag.Diagnostics;
import dev.ferry.core.load.env.Interpolator;
import dev.ferry.core.load.limits.Limits;
import dev.ferry.core.source.Position;
import dev.ferry.core.tree.MapNode;
import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Stage 2: variable interpolation in every scalar value (never in keys), per file, before merging.
 * A plain scalar that changed is re-read with the YAML core schema (so {@code ${PORT:-80}} becomes
 * the integer 80, as compose does); a quoted one stays a string.
 */
public final class Interpolate {
  private Interpolate() {}

  public static final String CODE_UNDEFINED = "undefined-variable";
  public static final String CODE_REQUIRED = "required-variable";

  /**
   * Interpolates every value. A missing required variable ({@code ${X:?msg}}) is an error when
   * {@code strict}; otherwise a warning (the value becomes empty, as the variable will be supplied
   * at deploy time), so a project whose secrets are not set here still converts.
   */
  public static MapNode apply(MapNode doc, Function<String, String> lookup, Diagnostics diags, boolean strict) {
    return (MapNode) walk(doc, scalars(lookup, diags, strict));
  }

  /**
   * The interpolation of one scalar at a time, for a walk that does more than interpolate (the
   * casts walk takes it, so a file is walked once for both). Scalars must be given in document
   * order: they share one expansion budget.
   */
  public static Scalars scalars(Function<String, String> lookup, Diagnostics diags, boolean strict) {
    return new Scalars(lookup, diags, strict, new Interpolator.Budget());
  }

  /**
   * {@link #scalars}: one file's interpolation, scalar by scalar in document order. Consecutive
   * parts of the file may be interpolated on other threads by {@link #fork}s, each reporting to
   * diagnostics of its own; {@link #join} then tells whether the result is the one in order.
   */
  public static final class Scalars implements UnaryOperator<ScalarNode> {
    private final Function<String, String> lookup;
    private final Diagnostics diags;
    private final boolean strict;
    private final Interpolator.Budget budget;
    /** A value was refused for a bound on the output. */
    private boolean limited;

    private Scalars(Function<String, String> lookup, Diagnostics diags, boolean strict, Interpolator.Budget budget) {
      this.lookup = lookup;
      this.diags = diags;
      this.strict = strict;
      this.budget = budget;
    }

    @Override
    public ScalarNode apply(ScalarNode sc) {
      return scalar(sc, this);
    }

    /** The same interpolation with a budget of its own, reporting to {@code to}. */
    public Scalars fork(Diagnostics to) {
      return new Scalars(lookup, to, strict, new Interpolator.Budget());
    }

    /**
     * Whether {@code forks}, run in order after what this one has interpolated so far, gave what
     * this one would have: no bound was reached (in order, the bound on all values of the file
     * would have been reached at the same point or earlier only if the sum exceeds it). If so, their
     * output is charged to this budget; if not, nothing changes and the caller runs them in order.
     */
    public boolean join(List<Scalars> forks) {
      long used = budget.used();
      for (Scalars f : forks) {
        if (f.limited) return false;
        used += f.budget.used();
      }
      if (Limits.INTERPOLATED_TOTAL.exceededBy(used)) return false;
      for (Scalars f : forks) budget.charge(f.budget.used());
      return true;
    }
  }

  private static Node walk(Node n, UnaryOperator<ScalarNode> scalars) {
    if (n instanceof MapNode m) {
      // x- extension fields are interpolated like everything else (compose does too).
      return m.mapValues((e, v) -> walk(v, scalars));
    }
    if (n instanceof SeqNode s) {
      return s.mapItems(c -> walk(c, scalars));
    }
    return scalars.apply((ScalarNode) n);
  }

  private static ScalarNode scalar(ScalarNode sc, Scalars with) {
    if (sc.kind() != ScalarNode.Kind.STRING || sc.text().indexOf('$') < 0) return sc;
    Diagnostics diags = with.diags;
    boolean strict = with.strict;
    Interpolator.Result r = Interpolator.interpolate(sc.text(), with.lookup, with.budget);
    for (Interpolator.Problem p : r.problems()) {
      if (p.limit()) with.limited = true;
      Position pos = offset(sc, p.offset());
      if (p.message().startsWith("required variable")) {
        if (strict) diags.error(CODE_REQUIRED, pos, p.message());
        else diags.warning(CODE_REQUIRED, pos, p.message() + " (compose refuses to run without it; ferry goes on with an empty value)");
      } else if (p.error()) {
        diags.error("schema", pos, p.message());
      } else {
        diags.warning(CODE_UNDEFINED, pos, p.message());
      }
    }
    if (r.value().equals(sc.text())) return sc;
    if (sc.quoted()) return sc.withText(r.value(), ScalarNode.Kind.STRING);
    ScalarNode re = ScalarNode.plain(r.value(), sc.position());
    return re.kind() == ScalarNode.Kind.NULL
        ? sc.withText(r.value(), ScalarNode.Kind.STRING) // "${EMPTY}" is "", not null
        : new ScalarNode(re.text(), re.kind(), false, sc.position(), sc.tag());
  }

  /** Position of a character inside a single-line plain scalar (best effort for multi-line ones). */
  private static Position offset(ScalarNode sc, int offset) {
    Position p = sc.position();
    if (sc.quoted() || sc.text().indexOf('\n') >= 0 || offset <= 0) return p;
    int cps = sc.text().codePointCount(0, Math.min(offset, sc.text().length()));
    return Position.of(p.file(), p.line(), p.column() + cps);
  }
}
