package dev.ferry.core.diag;

import dev.ferry.core.source.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** A collector of diagnostics: stages add to it and go on (collect, don't throw). */
public final class Diagnostics {
  private final LinkedHashSet<Diagnostic> items = new LinkedHashSet<>();

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void addAll(Iterable<Diagnostic> ds) {
    for (Diagnostic d : ds) items.add(d);
  }

  public void error(String code, Position pos, String message) {
    add(Diagnostic.error(code, pos, message));
  }

  public void warning(String code, Position pos, String message) {
    add(Diagnostic.warning(code, pos, message));
  }

  public void info(String code, Position pos, String message) {
    add(Diagnostic.info(code, pos, message));
  }

  public boolean hasErrors() {
    for (Diagnostic d : items) if (d.isError()) return true;
    return false;
  }

  public int size() {
    return items.size();
  }

  public List<Diagnostic> all() {
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** Sorted by file, line, column, then code: the order every report uses. */
  public List<Diagnostic> sorted() {
    return sort(items);
  }

  public static List<Diagnostic> sort(Collection<Diagnostic> ds) {
    List<Diagnostic> l = new ArrayList<>(ds);
    l.sort(ORDER);
    return l;
  }

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::position)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);
}
