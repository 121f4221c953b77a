package dev.ferry.core.load.limits;

import java.util.Locale;

/**
 * Every bound the loader puts on what it reads, in one place. Each is far above what a real
 * compose project needs and far below what would make ferry hang or run out of memory; an input
 * over a limit is refused with {@code file:line:col: what (limit <id>: <value>)}, exit 2, before
 * the expensive work starts. docs/loading.md lists them (generated from this enum; LimitsDocTest
 * fails when the table is stale).
 */
public enum Limits {
  FILE_BYTES(8L << 20, "bytes in one file (compose file, env file, `.ferry.yaml`)",
      "compose files are kilobytes; 8 MiB holds about 10,000 services written out in full"),
  LINE_CHARS(2L << 20, "characters on one line of a YAML file",
      "checked before parsing, so a single huge line costs one pass; room for a 1 MiB value on one line"),
  SCALAR_CHARS(2L << 20, "characters in one scalar (a YAML value or key)",
      "the largest real values are certificates and scripts of a few kilobytes"),
  NESTING_DEPTH(200, "levels of nesting, counted in the file and again once aliases and merge keys are expanded",
      "compose files nest about 6 levels; the limit keeps every later step clear of the JVM stack"),
  NODES(1_000_000, "nodes in one file once aliases are expanded",
      "compose-go refuses \"excessive aliasing\" long before a million nodes (its alias ratio limit); "
          + "a 10,000-service file has about 400,000"),
  MAPPING_KEYS(100_000, "keys in one mapping (one `environment`, one `labels`, ...)",
      "a Kubernetes object is at most 1.5 MiB in etcd, about 100,000 short entries"),
  SERVICES(10_000, "services in one project",
      "refused before translation starts, so a huge project fails in a second instead of running for minutes"),
  PORT_ENTRIES(65_536, "port entries in one project once short-syntax port ranges are expanded (`\"1000-1999:1000-1999\"` is 1,000)",
      "room for every port number once; real ranges are blocks of a few thousand (RTP, passive FTP), and each entry becomes a container port"),
  INTERPOLATED_CHARS(2L << 20, "characters one value may grow to by variable interpolation",
      "stops `A=${B}${B}...` from multiplying; reported at the variable that crosses it (at the value, when quoted)"),
  INTERPOLATED_TOTAL(32L << 20, "characters all interpolated values of one file (compose file or env file) may add up to",
      "stops many values that each stay under the per-value limit from adding up to gigabytes");

  private final long value;
  private final String what;
  private final String why;

  Limits(long value, String what, String why) {
    this.value = value;
    this.what = what;
    this.why = why;
  }

  public long value() {
    return value;
  }

  /** The value as an int (every limit fits). */
  public int intValue() {
    return (int) value;
  }

  public String what() {
    return what;
  }

  public String why() {
    return why;
  }

  /** The limit's name in messages and docs: {@code nesting-depth}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The suffix every message about this limit ends with: {@code (limit nesting-depth: 200)}. */
  public String tag() {
    return "(limit " + id() + ": " + value + ")";
  }

  /** Whether {@code amount} is over the limit. */
  public boolean exceededBy(long amount) {
    return amount > value;
  }

  /** The Markdown table of docs/loading.md, generated from this enum. */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| limit | value | what it bounds | why this value |\n| --- | --- | --- | --- |\n");
    for (Limits l : values()) {
      b.append("| `").append(l.id()).append("` | ").append(String.format(Locale.ROOT, "%,d", l.value))
          .append(" | ").append(l.what).append(" | ").append(l.why).append(" |\n");
    }
    return b.toString();
  }
}
