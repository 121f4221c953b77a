package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The check every CLI test runs on stderr: it catches what a Java trace looks like, and nothing else. */
class CliTraceCheckTest {
  @Test
  void catchesExceptionsErrorsAndFramesOnAnyLine() {
    String findings = "compose.yaml:1:1: error: something is wrong\n".repeat(1000);
    for (String trace : new String[] {"ferry: internal error: java.lang.NullPointerException",
        "Exception in thread \"main\" java.lang.StackOverflowError", "\tat dev.ferry.cli.Main.main(Main.java:12)",
        "caused by PatternSyntaxException: Unclosed character class"}) {
      assertThrows(AssertionError.class, () -> Cli.assertNoTrace(findings + trace + "\n" + findings), trace);
    }
  }

  @Test
  void findingsThatNameErrorsAreNoTrace() {
    Cli.assertNoTrace("vars.env:2:2: invalid key \"A@\": keys may contain only letters, digits, '_', '.' and '-'\n".repeat(65_536)
        + "compose.yaml:3:5: error [yaml-syntax]: Error in the value\n");
  }

  @Test
  void whatTheUserWroteIsNoTrace() {
    String compose = "services:\n  web:\n    environException   BIG: x\n";
    String echoed = "compose.yaml:3:5: services.web: additional property 'environException   BIG' is not allowed\n";
    Cli.assertNoTrace(echoed, java.util.List.of(compose));
    assertThrows(AssertionError.class, () -> Cli.assertNoTrace(echoed, java.util.List.of("services: {}\n")));
    assertThrows(AssertionError.class, () -> Cli.assertNoTrace(echoed + "ferry: internal error: java.lang.NullPointerException\n",
        java.util.List.of(compose)));
  }

  @Test
  void internalErrorIsTheCommandsReportNotTheWords() {
    assertTrue(Cli.internalError("ferry: internal error: java.lang.IllegalStateException: x\n(run with --debug for details)\n"));
    assertFalse(Cli.internalError("/tmp/p/compose.yaml:5:7: services.web.environment must be a list or a mapping, got string \"BIG:internal error}\"\n"));
    assertFalse(Cli.internalError("ferry: internal error: only one line\n"));
  }
}
