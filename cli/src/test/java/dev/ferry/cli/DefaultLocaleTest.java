package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command prints and writes the same bytes whatever the JVM's default locale (the user's
 * LANG): Turkish and Azerbaijani lower-case 'I' to a dotless 'ı' (convert's findings said
 * "warnıng"), Persian, Arabic, Thai and Hindi may format numbers with their own digits, German
 * and Swiss French with their own separators.
 */
class DefaultLocaleTest {
  private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("az-AZ"),
      Locale.forLanguageTag("fa-IR"), Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("th-TH-u-nu-thai"),
      Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.GERMANY, Locale.forLanguageTag("fr-CH"));

  private static final List<String> PROJECTS = List.of("../examples/voting-app/compose.yaml",
      "../testdata/convert/healthcheck-probes/compose.yaml", "../testdata/convert/names-resolve/compose.yaml",
      "../testdata/convert/compose-2026/compose.yaml", "../testdata/convert/steering/compose.yaml");

  @Test
  void everyCommandGivesTheSameBytesInEveryLocale(@TempDir Path tmp) throws IOException {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      Map<String, String> expected = outputs(tmp.resolve("reference"));
      for (Locale l : LOCALES) {
        Locale.setDefault(l);
        Map<String, String> got = outputs(tmp.resolve(l.toLanguageTag()));
        assertEquals(expected.keySet(), got.keySet(), l.toLanguageTag());
        for (String k : expected.keySet()) assertEquals(expected.get(k), got.get(k), l.toLanguageTag() + ": " + k);
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  /** What each command printed, and each file it wrote under {@code dir} (by relative name). */
  private static Map<String, String> outputs(Path dir) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String project : PROJECTS) {
      String f = Path.of(project).toAbsolutePath().normalize().toString();
      String name = Path.of(project).getParent().getFileName().toString();
      Path html = Files.createDirectories(dir.resolve(name)).resolve("explain.html");
      List<String[]> runs = new ArrayList<>(List.of(new String[] {"config", "-f", f}, new String[] {"convert", "--findings", "-f", f},
          new String[] {"lint", "-f", f}, new String[] {"lint", "--format", "JSON", "-f", f},
          new String[] {"lint", "--format", "sarif", "-f", f}, new String[] {"lint", "--format", "github", "-f", f},
          new String[] {"explain", "-f", f}, new String[] {"explain", "-f", f, "--html", html.toString()},
          new String[] {"chart", "-q", "-f", f, "-o", dir.resolve(name).resolve("chart").toString()}));
      for (String[] args : runs) {
        Cli r = Cli.run(args);
        out.put(name + " " + String.join(" ", args).replace(dir.toString(), "DIR") + " exit", Integer.toString(r.code()));
        out.put(name + " " + String.join(" ", args).replace(dir.toString(), "DIR") + " stdout", r.out().replace(dir.toString(), "DIR"));
        out.put(name + " " + String.join(" ", args).replace(dir.toString(), "DIR") + " stderr", r.err().replace(dir.toString(), "DIR"));
      }
    }
    Cli rules = Cli.run("rules");
    out.put("rules", rules.out() + rules.err());
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p).replace(dir.toString(), "DIR"));
      }
    }
    return out;
  }
}
