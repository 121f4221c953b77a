package dev.ferry.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.diag.Severity;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.source.Position;
import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleContext;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.api.RuleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine merges a rule's findings per written line the way each rule's PerLine did before
 * (first message kept, other services named after it, a service counted once), so rules no longer
 * have to remember a flush().
 */
class SharedLinesTest {
  @TempDir Path tmp;

  private static final Position LINE = Position.of("compose.yaml", 3, 5);

  private static Finding at(Position p, String service, String message) {
    return new Finding("r", Severity.WARNING, message, p, service, "fix it");
  }

  @Test
  void oneLineOfSeveralServicesIsOneFindingNamingTheOthers() {
    SharedLines s = new SharedLines();
    FindingKey key = FindingKey.of("r", Severity.WARNING, LINE, null);
    for (String svc : List.of("a", "b", "a", "c", "d", "e", "f")) s.add(at(LINE, svc, "service \"" + svc + "\" is bad"), key);
    assertEquals(List.of(at(LINE, "a", "service \"a\" is bad; the same line applies to services \"b\", \"c\", \"d\" and 2 more")),
        s.findings());
  }

  @Test
  void aServiceReportedTwiceOnOneLineKeepsItsFirstMessage() {
    SharedLines s = new SharedLines();
    FindingKey key = FindingKey.of("r", Severity.WARNING, LINE, null);
    s.add(at(LINE, "a", "first"), key);
    s.add(at(LINE, "a", "second"), key);
    assertEquals(List.of(at(LINE, "a", "first")), s.findings());
  }

  @Test
  void withoutAKeyOrAtAnotherLineNothingIsMerged() {
    SharedLines s = new SharedLines();
    Position other = Position.of("compose.yaml", 4, 5);
    s.add(at(LINE, "a", "one"), null);
    s.add(at(LINE, "b", "two"), null);
    s.add(at(other, "c", "three"), FindingKey.of("r", Severity.WARNING, other, null));
    s.add(at(LINE, "d", "four"), FindingKey.of("r", Severity.WARNING, LINE, null));
    assertEquals(List.of("one", "two", "three", "four"), s.findings().stream().map(Finding::message).toList());
  }

  @Test
  void whereNoPositionIsKnownTheModelPathIsTheLine() {
    ModelPath web = ModelPath.parse("services.web.user");
    assertEquals(FindingKey.of("r", Severity.INFO, Position.UNKNOWN, web), FindingKey.of("r", Severity.INFO, null, web));
    assertEquals(null, FindingKey.of("r", Severity.INFO, Position.UNKNOWN, null));
    assertEquals(new FindingKey("r", Severity.INFO, LINE, null, null), FindingKey.of("r", Severity.INFO, LINE, web));
  }

  @Test
  void serviceNames() {
    assertEquals("service \"a\"", SharedLines.names(List.of("a")));
    assertEquals("services \"a\" and \"b\"", SharedLines.names(List.of("a", "b")));
    assertEquals("services \"a\", \"b\" and \"c\"", SharedLines.names(List.of("a", "b", "c")));
    assertEquals("services \"a\", \"b\", \"c\" and 1 more", SharedLines.names(List.of("a", "b", "c", "d")));
  }

  @RuleInfo(id = "test-twice", summary = "s", remediation = "r", severity = Severity.INFO, category = Category.HYGIENE)
  static final class Twice implements Rule {
    @Override
    public void check(RuleContext ctx) {
      for (var s : ctx.services()) {
        ctx.report(s.path("image"), s.name(), "image of " + s.name());
        ctx.report(s.path("image"), s.name(), "image of " + s.name() + " again");
        ctx.report(ctx.position(s.path("image")), s.name(), "as written, for " + s.name());
      }
    }
  }

  @RuleInfo(id = "test-apart", summary = "s", remediation = "r", severity = Severity.INFO, category = Category.HYGIENE,
      mergeSharedLines = false)
  static final class Apart implements Rule {
    @Override
    public void check(RuleContext ctx) {
      for (var s : ctx.services()) ctx.report(s.path("image"), s.name(), "image of " + s.name());
    }
  }

  private List<String> run(Rule rule) throws Exception {
    Files.writeString(tmp.resolve("compose.yaml"),
        "x-common: &common\n  image: example/app:1.0\nservices:\n  web: *common\n  worker: *common\n");
    LoadResult load = ComposeLoader.load(LoadOptions.builder().workingDirectory(tmp).file(Path.of("compose.yaml"))
        .environment(Map.of()).build());
    RuleContextImpl ctx = new RuleContextImpl(load, rule, new RuleOptions(rule.info(), Map.of()), Position.of("compose.yaml", 1, 1));
    rule.check(ctx);
    return ctx.findings().stream().map(f -> f.position() + " " + f.message()).toList();
  }

  @Test
  void aRuleReportingTwiceOnASharedLineGetsOneFindingWithoutFlushing() throws Exception {
    assertEquals(List.of(
        "compose.yaml:2:3 image of web; the same line applies to service \"worker\"",
        "compose.yaml:2:3 as written, for web",
        "compose.yaml:2:3 as written, for worker"), run(new Twice()));
  }

  @Test
  void aRuleCanKeepOneFindingPerService() throws Exception {
    assertEquals(List.of("compose.yaml:2:3 image of web", "compose.yaml:2:3 image of worker"), run(new Apart()));
  }
}
