package dev.ferry.core.source;

/**
 * A place in a source file: 1-based line and column (columns count Unicode code points).
 * Prints as {@code file:line:col}. {@link #UNKNOWN} stands for "no source" (a default chosen by ferry).
 */
public record Position(String file, int line, int column) implements Comparable<Position> {
  public static final Position UNKNOWN = new Position("", 0, 0);

  public Position {
    if (file == null) file = "";
  }

  /** From snakeyaml-engine's 0-based mark values. The one place 0-based becomes 1-based. */
  public static Position fromZeroBased(String file, int line0, int column0) {
    return new Position(file, line0 + 1, column0 + 1);
  }

  public static Position of(String file, int line, int column) {
    return new Position(file, line, column);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public int compareTo(Position o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    if (!isKnown()) return file.isEmpty() ? "<unknown>" : file;
    return file + ":" + line + ":" + column;
  }
}
