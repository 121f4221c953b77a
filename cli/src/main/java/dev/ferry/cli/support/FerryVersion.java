package dev.ferry.cli.support;

import picocli.CommandLine;

/** Prints the version from the jar manifest (or "dev"). */
public final class FerryVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = FerryVersion.class.getPackage().getImplementationVersion();
    // concat, not +: an indy string concatenation bootstraps java.lang.invoke (~100 classes) for `ferry --version`
    return new String[] {"ferry ".concat(v == null ? "0.1.0-dev" : v)};
  }
}
