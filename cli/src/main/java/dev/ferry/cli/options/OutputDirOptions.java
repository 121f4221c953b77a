package dev.ferry.cli.options;

import dev.ferry.cli.support.UserError;
import dev.ferry.core.emit.OutputDir;
import dev.ferry.core.emit.OutputDirFile;
import dev.ferry.core.emit.OutputDirStaging;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --force} and the writing of an output directory, shared by the commands that write one
 * (convert -o, chart -o): files ferry did not write are kept unless forced, and a refusal or an
 * I/O failure is a user error (exit 2), never a stack trace.
 */
public final class OutputDirOptions {
  @Option(names = "--force", description = "With -o: overwrite files in DIR that ferry did not write.")
  boolean force;

  /** Writes {@code files} (name → content) into {@code dir} through {@link OutputDir}. */
  public void write(Path dir, Map<String, String> files) {
    write(dir, OutputDir.prepare(files));
  }

  /** Writes files already encoded and hashed (name, bytes, digest) into {@code dir}, in list order. */
  public void write(Path dir, List<OutputDirFile> files) {
    userErrors(dir, () -> OutputDir.write(dir, files, force));
  }

  /**
   * Opens {@code dir} for files {@code names}, to write each as it is made ({@link OutputDirStaging}):
   * the caller stages every file, commits, and closes it in any case.
   */
  public OutputDirStaging open(Path dir, List<String> names) {
    return userErrors(dir, () -> OutputDirStaging.open(dir, names, force));
  }

  /** Writes one file of {@code out} as it is made (on any core): encoded, hashed and put in a temporary file. */
  public static OutputDirStaging.Staged stage(Path dir, OutputDirStaging out, String name, String text) {
    return userErrors(dir, () -> out.stage(OutputDirFile.of(name, text)));
  }

  /** Puts the staged files in place (see {@link OutputDirStaging#commit}). */
  public static void commit(Path dir, OutputDirStaging out, List<OutputDirStaging.Staged> staged) {
    userErrors(dir, () -> out.commit(staged));
  }

  private interface Step<T> {
    T run() throws IOException, OutputDir.Refused;
  }

  private static <T> T userErrors(Path dir, Step<T> step) {
    try {
      return step.run();
    } catch (OutputDir.Refused e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot write to " + dir + ": " + e.getMessage());
    }
  }
}
