package dev.ferry.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Action (action.yml): inputs reach its scripts only through {@code env:}, so a hostile
 * input is data, never shell code; third-party actions are pinned by commit SHA. The lint steps'
 * scripts are run here by bash as the runner would, with the inputs' values in their environment
 * and a stand-in for ferry that records its arguments.
 */
class ActionTest {
  static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
  static final String HOSTILE_PATH = "\"; touch pwned # $(touch pwned2) `touch pwned3` *";
  static final String HOSTILE_CONFIG = "x'; touch pwned4 #";

  @TempDir Path tmp;

  @Test
  void scriptsTakeInputsOnlyThroughEnv() {
    for (Map<String, Object> step : steps()) {
      if (step.get("run") instanceof String run) {
        assertFalse(run.contains("${{"), "an expression pasted into a script: " + run);
      }
    }
  }

  @Test
  void thirdPartyActionsArePinnedByCommitSha() {
    int pinned = 0;
    for (Map<String, Object> step : steps()) {
      if (step.get("uses") instanceof String uses) {
        assertTrue(uses.matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"), "not pinned by commit SHA: " + uses);
        pinned++;
      }
    }
    assertTrue(pinned >= 3, "setup-java, cache and upload-sarif are used");
  }

  @Test
  void hostileInputsStayArguments() throws IOException {
    Path actionPath = Files.createDirectories(tmp.resolve("action"));
    Path ferry = actionPath.resolve("ferry");
    Files.writeString(ferry, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >>\"$ARGS_FILE\"\n");
    Files.setPosixFilePermissions(ferry, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(work.resolve("compose.yaml"), "services: {}\n"); // what * would match
    Map<String, String> inputs = Map.of("path", HOSTILE_PATH, "config", HOSTILE_CONFIG, "fail-on", "error");

    List<String> expectedPaths = List.of("\";", "touch", "pwned", "#", "$(touch", "pwned2)", "`touch", "pwned3`", "*");
    for (Map<String, Object> step : steps()) {
      String name = String.valueOf(step.get("name"));
      if (!name.startsWith("ferry lint")) continue;
      Path args = tmp.resolve("args-" + name.hashCode());
      Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH"),
          "GITHUB_ACTION_PATH", actionPath.toString(), "GITHUB_OUTPUT", tmp.resolve("out").toString(),
          "ARGS_FILE", args.toString()));
      @SuppressWarnings("unchecked")
      Map<String, Object> stepEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
      stepEnv.forEach((k, v) -> env.put(k, evaluate(String.valueOf(v), inputs)));
      Proc p = Proc.run(work, env, List.of("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", (String) step.get("run")));
      assertEquals(0, p.code(), p::toString);
      List<String> got = Files.readAllLines(args);
      int dashes = got.indexOf("--");
      assertTrue(dashes > 0, got::toString);
      assertEquals(expectedPaths, got.subList(dashes + 1, got.size()), "each word of the path input is one argument, unexpanded");
      assertEquals(HOSTILE_CONFIG, got.get(got.indexOf("--config") + 1));
    }
    try (Stream<Path> s = Files.walk(tmp)) {
      assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith("pwned")).toList(), "an input ran as code");
    }
  }

  /** GitHub's expression substitution for the inputs this test sets. */
  static String evaluate(String value, Map<String, String> inputs) {
    Matcher m = EXPR.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String v = e.startsWith("inputs.") ? inputs.getOrDefault(e.substring(7), "") : "";
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    return m.appendTail(sb).toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps() {
    try {
      Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Install.repoRoot().resolve("action.yml")));
      Map<String, Object> runs = (Map<String, Object>) ((Map<String, Object>) doc).get("runs");
      return new ArrayList<>((List<Map<String, Object>>) runs.get("steps"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
