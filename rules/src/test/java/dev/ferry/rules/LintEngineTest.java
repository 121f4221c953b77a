package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import dev.ferry.rules.engine.LintResult;
import dev.ferry.rules.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine: configuration, suppressions, recovery after errors, positions, determinism. */
class LintEngineTest {
  @TempDir Path tmp;

  private LintResult lint(String compose, String config) throws Exception {
    Files.writeString(tmp.resolve("compose.yaml"), compose);
    LintConfig c = LintConfig.none();
    if (config != null) {
      Files.writeString(tmp.resolve(".ferry.yaml"), config);
      c = LintConfig.find(tmp);
    }
    return LintEngine.lint(LoadOptions.builder().workingDirectory(tmp).file(Path.of("compose.yaml")).environment(Map.of()).build(), c);
  }

  private static List<String> ids(LintResult r, String rule) {
    return r.findings().stream().filter(f -> f.rule().equals(rule)).map(f -> f.line() + ":" + f.column()).toList();
  }

  @Test
  void suppressionsNextLineLineAndFile() throws Exception {
    LintResult r = lint("""
        # ferry-disable-file image-unpinned
        services:
          a:
            image: nginx
            # ferry-disable-next-line privileged
            privileged: true
          b:
            image: nginx
            privileged: true # ferry-disable-line privileged
          c:
            image: nginx
            privileged: true
        """, null);
    assertEquals(List.of("12:5"), ids(r, "privileged"));
    assertEquals(List.of(), ids(r, "image-unpinned"));
    assertEquals(List.of(), ids(r, "unused-suppression"));
  }

  @Test
  void configTurnsRulesOffChangesSeverityAndPassesOptions() throws Exception {
    LintResult r = lint("""
        services:
          web:
            image: example/web:latest
            privileged: true
        """, """
        rules:
          privileged: off
          image-unpinned: error
          root-user: {nonRootImages: ["example/*"]}
        """);
    assertEquals(List.of(), ids(r, "privileged"));
    assertEquals(List.of(), ids(r, "root-user"));
    Finding f = r.findings().stream().filter(x -> x.rule().equals("image-unpinned")).findFirst().orElseThrow();
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void ignoredPathsGiveNoFindings() throws Exception {
    LintResult r = lint("services:\n  web:\n    image: nginx\n", "ignore:\n  - \"compose.yaml\"\n");
    assertEquals(List.of(), r.findings());
  }

  @Test
  void aFileWithSchemaErrorsStillGetsModelFindingsAndEveryError() throws Exception {
    LintResult r = lint("""
        services:
          web:
            image: nginx:1.27
            imagee: typo
            privileged: true
          db:
            image: postgres:16.4
            restart: 5
            volumez: []
        """, null);
    assertEquals(List.of("4:5", "8:14", "9:5"), ids(r, "schema"));
    assertEquals(List.of("5:5"), ids(r, "privileged"));
  }

  @Test
  void sameInputSameFindings() throws Exception {
    String c = Files.readString(RuleFixturesTest.root().resolve("testdata/lint-fix/input.yaml"));
    assertEquals(lint(c, null).findings(), lint(c, null).findings());
  }

  /** Every diagnostic the loader and the converter give has a rule (with a page and fixtures). */
  @Test
  void everyFindingOnTheTestdataHasARuleAndAPosition() throws Exception {
    Path root = RuleFixturesTest.root();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("testdata"))) {
      s.filter(p -> p.getFileName().toString().matches("(bad|good|compose|docker-compose)\\.ya?ml")).sorted().forEach(files::add);
    }
    assertTrue(files.size() > 100, "testdata found: " + files.size());
    List<String> wrong = new ArrayList<>();
    for (Path f : files) {
      LoadOptions o = LoadOptions.builder().workingDirectory(f.getParent()).file(f.getFileName()).environment(Map.of()).build();
      for (Finding x : LintEngine.lint(o, LintConfig.none()).findings()) {
        if (RuleRegistry.byId(x.rule()).isEmpty()) wrong.add(f + ": no rule for " + x.rule());
        if (x.line() < 1 || x.column() < 1 || x.file().isEmpty()) wrong.add(f + ": bad position " + x);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void findingsPointIntoOverrideAndExtendedFiles() throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), "services:\n  base:\n    image: nginx:1.27\n    user: root\n");
    Files.writeString(tmp.resolve("compose.override.yaml"), "services:\n  web:\n    cap_add:\n      - SYS_ADMIN\n");
    Files.writeString(tmp.resolve("compose.yaml"), "name: x\nservices:\n  web:\n    extends:\n      file: base.yaml\n      service: base\n");
    LintResult r = LintEngine.lint(LoadOptions.builder().workingDirectory(tmp).file(Path.of("compose.yaml"))
        .file(Path.of("compose.override.yaml")).environment(Map.of()).build(), LintConfig.none());
    Finding root = r.findings().stream().filter(f -> f.rule().equals("root-user")).findFirst().orElseThrow();
    assertEquals("base.yaml:4:5", root.position().toString());
    Finding cap = r.findings().stream().filter(f -> f.rule().equals("dangerous-capability")).findFirst().orElseThrow();
    assertEquals("compose.override.yaml:4:9", cap.position().toString());
  }

  /** Lint says what convert says: the same translation, one finding per shared line. */
  @Test
  void translationFindingsAgreeWithConvertOncePerLine() throws Exception {
    LintResult r = lint("""
        name: shop
        x-common: &common
          image: example/app:1.0
          depends_on:
            cache:
              condition: service_started
        services:
          web: *common
          worker: *common
          cache:
            image: example/cache:1.0
          api:
            image: example/api:1.0
            environment:
              CACHE: cache
        """, null);
    List<Finding> dep = r.findings().stream().filter(f -> f.rule().equals("depends-on-condition")).toList();
    assertEquals(1, dep.size(), dep.toString());
    assertTrue(dep.get(0).message().contains("cannot be waited for") && dep.get(0).message().contains("the same line applies to"),
        dep.get(0).message());
    assertEquals(Severity.WARNING, dep.get(0).severity());
    assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("unreachable-service") && f.message().contains("none could be inferred")),
        r.findings().toString());
  }

  /** Rule classes no longer merge their own findings: one shared line still gives one finding, as before. */
  @Test
  void aSharedLineIsOneFindingOfARuleClass() throws Exception {
    LintResult r = lint("""
        name: shop
        x-common: &common
          image: example/app:1.0
          privileged: true
        services:
          web: *common
          worker: *common
          jobs:
            <<: *common
        """, null);
    assertEquals(List.of("compose.yaml:4:3 service \"web\" runs privileged: it gets all capabilities and the host's"
        + " devices; on Kubernetes securityContext.privileged is rejected by the Pod Security 'baseline' and 'restricted'"
        + " levels; the same line applies to services \"worker\" and \"jobs\""),
        r.findings().stream().filter(f -> f.rule().equals("privileged")).map(f -> f.position() + " " + f.message()).toList());
  }

  /** not-translatable: the rule class decides about service keys; the mappers' own cases reach lint too. */
  @Test
  void mapperOnlyNotTranslatableCasesAreLinted() throws Exception {
    LintResult r = lint("""
        name: shop
        services:
          web:
            image: example/web:1.0
            hostname: web.shop.local
            logging:
              driver: json-file
            devices:
              - /dev/fuse
        """, null);
    List<String> nt = r.findings().stream().filter(f -> f.rule().equals("not-translatable")).map(f -> f.line() + " " + f.message()).toList();
    assertTrue(nt.stream().anyMatch(m -> m.startsWith("5 ") && m.contains("not a DNS-1123 label")), nt.toString());
    assertTrue(nt.stream().noneMatch(m -> m.startsWith("6 ")), "json-file logging is kept by the kubelet: " + nt);
    assertEquals(1, nt.stream().filter(m -> m.startsWith("8 ")).count(), "devices reported once: " + nt);
  }
}
