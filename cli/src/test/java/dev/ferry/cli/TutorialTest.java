package dev.ferry.cli;

import dev.ferry.core.emit.ManifestWriter;
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
import dev.ferry.core.explain.Explanation;
import dev.ferry.core.explain.SideBySide;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
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

  static final Pattern CLAIM = Pattern.compile("<!-- output has: (.*?) -->");
  static final Pattern GLOSSARY = Pattern.compile("<!-- glossary -->\n(.*?)<!-- /glossary -->\n", Pattern.DOTALL);

  /**
   * The prose is checked against the output it describes: each {@code <!-- output has: A; B -->}
   * after a block names strings the current output of the block before it must contain (the
   * probe kinds, the defaults, the findings the text talks about).
   */
  @Test
  void proseClaimsMatchTheOutputTheyDescribe() throws IOException {
    String doc = Files.readString(TUTORIAL, StandardCharsets.UTF_8);
    Matcher c = CLAIM.matcher(doc);
    int claims = 0;
    while (c.find()) {
      Matcher b = BLOCK.matcher(doc.substring(0, c.start()));
      String command = null;
      while (b.find()) command = b.group(1);
      assertTrue(command != null, "a claim before any output block: " + c.group());
      String out = run(command).replaceAll("\\s+", " "); // notes wrap: compare the words
      for (String want : c.group(1).split(";")) {
        assertTrue(out.contains(want.strip()), "docs/tutorial.md says the output of 'ferry " + command + "' shows '"
            + want.strip() + "'; it does not");
        claims++;
      }
    }
    assertTrue(claims >= 10, "the tutorial's claims are checked");
  }

  @Test
  void glossaryIsTheOneExplainUses() throws IOException {
    String doc = Files.readString(TUTORIAL, StandardCharsets.UTF_8);
    Matcher g = GLOSSARY.matcher(doc);
    assertTrue(g.find(), "docs/tutorial.md has a glossary block");
    String want = dev.ferry.core.explain.Glossary.markdown();
    if (Boolean.getBoolean("ferry.golden.update")) {
      Files.writeString(TUTORIAL, doc.substring(0, g.start(1)) + want + doc.substring(g.end(1)), StandardCharsets.UTF_8);
    } else {
      assertEquals(want, g.group(1), "docs/tutorial.md's terms are generated from Glossary (rerun with -Dferry.golden.update=true)");
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
    String out = SideBySide.render(Explanation.of(ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts()),
        dev.ferry.cli.command.ExplainCommand.findings(r, t), service),
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
