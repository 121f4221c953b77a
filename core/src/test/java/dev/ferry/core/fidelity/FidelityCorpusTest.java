package dev.ferry.core.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fidelity check over a corpus of real compose projects, one directory per case (its main
 * file named by {@code case_path:} in SOURCE.txt, else compose.yaml/docker-compose.yml), loaded
 * as {@code ferry convert -f FILE} would. Run by .ci/run with {@code -Dferry.fidelity.corpus=DIR}
 * when the shared corpus is present; it fails on any difference no finding explains. A case
 * that does not load is counted and left to corpus-check, which judges rejections.
 */
@EnabledIfSystemProperty(named = "ferry.fidelity.corpus", matches = ".+")
class FidelityCorpusTest {
  private static final Pattern CASE_PATH = Pattern.compile("case_path:\\s*(\\S.*)");

  @Test
  void corpusKeepsWorkingOrSaysWhy() throws IOException {
    Path corpus = Path.of(System.getProperty("ferry.fidelity.corpus")).toAbsolutePath().normalize();
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(!cases.isEmpty(), "no cases under " + corpus);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int explained = 0;
    List<String> notLoaded = new ArrayList<>();
    for (Path dir : cases) {
      Path main = mainFile(dir);
      if (main == null) continue;
      LoadResult r = ComposeLoader.load(LoadOptions.builder().workingDirectory(dir).file(main).build());
      if (r.hasErrors() || r.project() == null) {
        notLoaded.add(dir.getFileName().toString());
        continue;
      }
      Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
      Fidelity.Result res = FidelityCheck.of(r, t);
      checked++;
      explained += res.explained().size();
      if (Boolean.getBoolean("ferry.fidelity.verbose")) res.explained().forEach(d -> System.out.println("EXPLAINED " + dir.getFileName() + ": " + d));
      for (Fidelity.Difference d : res.unexplained()) failures.add(dir.getFileName() + ": " + d);
    }
    System.out.println("fidelity: " + checked + " corpus cases compared, " + explained + " differences named by findings, "
        + failures.size() + " unexplained; not loaded (judged by corpus-check): " + notLoaded);
    assertTrue(checked > 0, "no corpus case could be compared");
    assertEquals(List.of(), failures, "differences no finding explains");
  }

  static Path mainFile(Path dir) throws IOException {
    Path src = dir.resolve("SOURCE.txt");
    if (Files.exists(src)) {
      Matcher m = CASE_PATH.matcher(Files.readString(src));
      while (m.find()) {
        String p = m.group(1).strip();
        String base = Path.of(p).getFileName().toString();
        if (p.matches(".*\\.ya?ml$") && !base.split("\\.")[0].toLowerCase(java.util.Locale.ROOT).contains("env")
            && Files.exists(dir.resolve(p))) {
          return dir.resolve(p);
        }
      }
    }
    for (String n : List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")) {
      if (Files.exists(dir.resolve(n))) return dir.resolve(n);
    }
    return null;
  }
}
