package dev.ferry.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.rules.engine.LintConfig;
import dev.ferry.rules.engine.LintEngine;
import dev.ferry.rules.engine.LintResult;
import dev.ferry.rules.report.Format;
import dev.ferry.rules.report.Report;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report formats on a real lint result: valid SARIF, JSON shape, GitHub commands, JUnit XML. */
class FormatsTest {
  static Report report() {
    Path dir = RuleFixturesTest.root().resolve("testdata/lint-fix");
    LintResult r = LintEngine.lint(LoadOptions.builder().workingDirectory(dir).file(Path.of("input.yaml")).environment(Map.of()).build(), LintConfig.none());
    return new Report(r.findings(), r.fileTexts(), 1);
  }

  @Test
  void sarifIsValidAgainstTheSarifSchema() throws Exception {
    Report r = report();
    String sarif = Format.sarif.render(r, false, "0.1.0");
    Schema schema;
    try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(
          SchemaLocation.of("https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json"),
          in, InputFormat.JSON);
    }
    assertEquals(List.of(), schema.validate(sarif, InputFormat.JSON).stream().map(Object::toString).toList());
    JsonNode root = JsonMapper.builder().build().readTree(sarif);
    JsonNode run = root.get("runs").get(0);
    assertEquals(r.findings().size(), run.get("results").size());
    JsonNode first = run.get("results").get(0);
    String id = first.get("ruleId").asString();
    assertEquals(id, run.get("tool").get("driver").get("rules").get(first.get("ruleIndex").asInt()).get("id").asString());
    assertTrue(run.get("tool").get("driver").get("rules").get(0).get("helpUri").asString().endsWith(".md"));
  }

  @Test
  void jsonHasEveryFieldOfEveryFinding() throws Exception {
    Report r = report();
    JsonNode root = JsonMapper.builder().build().readTree(Format.json.render(r, false, "0.1.0"));
    assertEquals(r.findings().size(), root.get("findings").size());
    for (JsonNode f : root.get("findings")) {
      for (String k : List.of("rule", "severity", "message", "file", "line", "column", "service", "remediation")) {
        assertTrue(f.has(k), k + " missing in " + f);
      }
      assertTrue(f.get("line").asInt() >= 1 && f.get("column").asInt() >= 1);
    }
    assertEquals(r.findings().size(), root.get("summary").get("findings").asInt());
  }

  @Test
  void githubAnnotationsEscapeAndCarryPositions() {
    String out = Format.github.render(report(), false, "0.1.0");
    assertTrue(out.lines().allMatch(l -> l.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,title=ferry [a-z-]+::.+")), out);
    assertTrue(out.contains("file=input.yaml,line=1,col=1,title=ferry obsolete-version::"), out);
  }

  @Test
  void compactIsOneLinePerFinding() {
    Report r = report();
    String out = Format.compact.render(r, false, "0.1.0");
    assertEquals(r.findings().size(), out.lines().count());
    assertTrue(out.lines().allMatch(l -> l.matches("[^:]+:\\d+:\\d+: (error|warning|info) \\[[a-z-]+] .+")), out);
  }

  @Test
  void codeClimateIsGitLabCodeQuality() throws Exception {
    Report r = report();
    JsonNode root = JsonMapper.builder().build().readTree(Format.codeclimate.render(r, false, "0.1.0"));
    assertTrue(root.isArray());
    assertEquals(r.findings().size(), root.size());
    java.util.Set<String> prints = new java.util.HashSet<>();
    for (JsonNode i : root) {
      for (String k : List.of("description", "check_name", "fingerprint", "severity", "location")) assertTrue(i.has(k), k + " in " + i);
      assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(i.get("severity").asString()), i.toString());
      assertTrue(i.get("location").get("lines").get("begin").asInt() >= 1);
      assertTrue(prints.add(i.get("fingerprint").asString()), "fingerprints are unique: " + i);
    }
  }

  @Test
  void junitIsWellFormedXml() throws Exception {
    String xml = Format.junit.render(report(), false, "0.1.0");
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(report().findings().size(), doc.getElementsByTagName("failure").getLength());
  }

  @Test
  void textHasPositionsCodeFramesAndNoColourUnlessAsked() {
    String text = Format.text.render(report(), false, "0.1.0");
    assertTrue(text.contains("input.yaml:1:1: warning [obsolete-version]"), text);
    assertTrue(text.contains(" 1 | version: \"3.9\"\n   | ^\n"), text);
    assertTrue(!text.contains("\u001b["));
    assertTrue(Format.text.render(report(), true, "0.1.0").contains("\u001b["));
  }
}
