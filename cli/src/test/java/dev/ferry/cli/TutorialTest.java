package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.ferry.core.explain.Alignment;
import dev.ferry.core.explain.Explanation;
import dev.ferry.core.explain.SideBySide;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.Translator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/tutorial.md embeds real {@code ferry explain} output: each block after a
 * {@code <!-- ferry explain ARGS -->} marker must equal what that command prints now (run from the
 * repository root). {@code -Dferry.golden.update=true} rewrites the blocks; CI never sets it.
 */
class TutorialTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path TUTORIAL = ROOT.resolve("docs/tutorial.md");
  static final Pattern BLOCK = Pattern.compile("<!-- ferry (explain [^>]*?) -->\n```text\n(.*?)```\n", Pattern.DOTALL);

  @Test
  void embeddedOutputIsCurrent() throws IOException {
    String doc = Files.readString(TUTORIAL, StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(doc);
    StringBuilder updated = new StringBuilder();
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String actual = run(m.group(1));
      if (Boolean.getBoolean("ferry.golden.update")) {
        m.appendReplacement(updated, Matcher.quoteReplacement("<!-- ferry " + m.group(1) + " -->\n```text\n" + actual + "```\n"));
      } else {
        assertEquals(actual, m.group(2), "docs/tutorial.md: the output of 'ferry " + m.group(1)
            + "' changed (rerun with -Dferry.golden.update=true and review)");
      }
    }
    assertTrue(blocks >= 3, "the tutorial shows explain output");
    if (Boolean.getBoolean("ferry.golden.update")) {
      m.appendTail(updated);
      Files.writeString(TUTORIAL, updated.toString(), StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code ferry explain -f FILE [--service S] [--width N]} as run from the repository root (the
   * command's own steps, with the root as working directory so file names print relative to it);
   * the command itself prints the same, as a check here shows for the path-independent part.
   */
  static String run(String command) {
    String[] w = command.trim().split("\\s+");
    String file = null;
    String service = null;
    int width = 120;
    for (int i = 1; i < w.length; i++) {
      switch (w[i]) {
        case "-f" -> file = w[++i];
        case "--service" -> service = w[++i];
        case "--width" -> width = Integer.parseInt(w[++i]);
        default -> throw new AssertionError("unsupported in the tutorial: " + w[i]);
      }
    }
    LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(ROOT).file(ROOT.resolve(file))
        .environment(Map.of()).build());
    Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
    String out = SideBySide.render(Explanation.of(Alignment.of(t, r.sourceMap(), r.fileTexts()), t.diagnostics(), service),
        new SideBySide.Options(width, false));
    List<String> args = new ArrayList<>(List.of(w));
    args.set(args.indexOf("-f") + 1, ROOT.resolve(file).toString());
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.code(), cli.err());
    assertEquals(lastLine(out), lastLine(cli.out()), "the command prints the same explanation");
    return out;
  }

  static String lastLine(String s) {
    String[] l = s.strip().split("\n");
    return l[l.length - 1];
  }
}
