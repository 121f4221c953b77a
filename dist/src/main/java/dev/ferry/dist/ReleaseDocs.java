package dev.ferry.dist;

import dev.ferry.cli.FerryCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what the release archive carries besides the jar, from the CLI's picocli model, so it
 * never drifts from the commands: {@code man-adoc/} (one AsciiDoc man page per command, turned into
 * troff by Asciidoctor in the build) and {@code completion/} (bash, and zsh through bashcompinit).
 */
public final class ReleaseDocs {
  private ReleaseDocs() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    CommandLine cli = FerryCommand.commandLine();
    Path adoc = Files.createDirectories(out.resolve("man-adoc"));
    int rc = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, cli.getCommandSpec());
    if (rc != 0) throw new IOException("ManPageGenerator failed with exit code " + rc);
    Path completion = Files.createDirectories(out.resolve("completion"));
    String bash = AutoComplete.bash("ferry", cli);
    Files.writeString(completion.resolve("ferry.bash"), bash, StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("ferry.zsh"), zsh(bash), StandardCharsets.UTF_8);
  }

  /** picocli's completion script serves zsh through zsh's bash-completion emulation. */
  static String zsh(String bash) {
    return "# ferry completion for zsh (source it from ~/.zshrc): picocli's bash completion through\n"
        + "# zsh's bashcompinit.\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash;
  }
}
