package dev.ferry.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleOption;
import dev.ferry.rules.api.RuleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .ferry.yaml is checked against the rules and their declared options when it is read. */
class ConfigReaderTest {
  @TempDir Path tmp;

  private Path write(String text) throws Exception {
    Path f = tmp.resolve(".ferry.yaml");
    Files.writeString(f, text);
    return f;
  }

  private List<String> errors(String text) throws Exception {
    Path f = write(text);
    String message = assertThrows(LintConfig.InvalidConfig.class, () -> LintConfig.load(f)).getMessage();
    return message.lines().map(l -> l.replace(f.toString(), ".ferry.yaml")).toList();
  }

  @Test
  void unknownRuleIdsAreErrorsAtTheirKeyWithTheNearestId() throws Exception {
    assertEquals(List.of(".ferry.yaml:3:3: unknown rule 'root-usr' (did you mean root-user?) (ferry rules lists them)"),
        errors("rules:\n  privileged: off\n  root-usr: off\n"));
    assertEquals(List.of(".ferry.yaml:2:3: unknown rule 'no-such-thing' (ferry rules lists them)"),
        errors("rules:\n  no-such-thing: error\n"));
  }

  @Test
  void unknownOptionsAreErrorsWithTheNearestOption() throws Exception {
    assertEquals(List.of(".ferry.yaml:2:20: rule image-unpinned: unknown option 'movingTag' (did you mean movingTags?)"),
        errors("rules:\n  image-unpinned: {movingTag: [latest]}\n"));
    assertEquals(List.of(".ferry.yaml:4:7: rule top-level-order: unknown option 'sort' (options: order)"),
        errors("rules:\n  top-level-order:\n    options:\n      sort: [services]\n"));
    assertEquals(List.of(".ferry.yaml:3:5: rule privileged: unknown option 'strict'"
        + " (it has no options; a setting is severity or enabled)"),
        errors("rules:\n  privileged:\n    strict: true\n"));
  }

  @Test
  void valuesOfTheWrongTypeAreErrorsAtTheValue() throws Exception {
    assertEquals(List.of(
        ".ferry.yaml:3:22: rule build-and-image: option checkPullPolicy must be a boolean, got a string",
        ".ferry.yaml:5:17: rule image-unpinned: option movingTags must be a list of strings, got a string",
        ".ferry.yaml:7:24: rule root-user: option nonRootImages[1] must be a string, got a mapping",
        ".ferry.yaml:9:14: rule container-name-pattern: option pattern: invalid regular expression: Unclosed character class near index 3",
        ".ferry.yaml:11:16: rule ports-unquoted: option quoteType: 'singel' is not one of double, single (did you mean single?)"),
        errors("""
            rules:
              build-and-image:
                checkPullPolicy: "no"
              image-unpinned:
                movingTags: latest
              root-user:
                nonRootImages: [a, {b: c}]
              container-name-pattern:
                pattern: "[a-z"
              ports-unquoted:
                quoteType: singel
            """));
  }

  @Test
  void settingsAndTopLevelKeysAreCheckedToo() throws Exception {
    assertEquals(List.of(
        ".ferry.yaml:1:1: unknown key 'rule' (rules, ignore) (did you mean rules?)",
        ".ferry.yaml:4:15: rule privileged: unknown setting 'warnin' (error, warning, info, off) (did you mean warning?)",
        ".ferry.yaml:5:14: rule root-user: unknown setting 'loud' (off, on, error, warning, info, or a mapping)",
        ".ferry.yaml:6:9: ignore must be a list of globs, got a string"),
        errors("rule: {}\nrules:\n  privileged:\n    severity: warnin\n  root-user: loud\nignore: \"x/**\"\n"));
  }

  @Test
  void aValidFileGivesTypedOptionsAndDefaults() throws Exception {
    LintConfig c = LintConfig.load(write("""
        rules:
          image-unpinned: {severity: error, movingTags: [latest, edge]}
          build-and-image: {options: {checkPullPolicy: false}}
          privileged: off
        ignore: ["examples/**"]
        """));
    RuleOptions moving = c.options(RuleRegistry.byId("image-unpinned").orElseThrow());
    assertEquals(List.of("latest", "edge"), moving.list("movingTags"));
    assertEquals(Severity.ERROR, c.setting("image-unpinned").severity());
    assertEquals(false, c.options(RuleRegistry.byId("build-and-image").orElseThrow()).flag("checkPullPolicy"));
    assertEquals(true, LintConfig.none().options(RuleRegistry.byId("build-and-image").orElseThrow()).flag("checkPullPolicy"));
    assertEquals(List.of(), LintConfig.none().options(RuleRegistry.byId("root-user").orElseThrow()).list("nonRootImages"));
    assertEquals(false, c.setting("privileged").enabled());
    assertEquals(true, c.ignored("examples/a/compose.yaml"));
  }

  /** Every declared default, written into .ferry.yaml, is read back as that value (so defaults are valid values). */
  @Test
  void everyDeclaredDefaultIsAValidValue() throws Exception {
    for (Rule r : RuleRegistry.all()) {
      for (RuleOption o : r.info().options()) {
        Object d = o.type().parseDefault(o.defaultValue());
        String yaml = d instanceof List<?> l ? l.stream().map(x -> quoted(String.valueOf(x))).toList().toString()
            : d instanceof Boolean ? d.toString() : quoted((String) d);
        LintConfig c = LintConfig.load(write("rules:\n  " + r.id() + ":\n    " + o.name() + ": " + yaml + "\n"));
        assertEquals(d, c.setting(r.id()).options().get(o.name()), r.id() + " " + o.name());
      }
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void anEmptyFileIsNoConfiguration() throws Exception {
    assertEquals(0, LintConfig.load(write("# nothing yet\n")).rules().size());
    assertEquals(0, LintConfig.load(write("")).rules().size());
  }
}
