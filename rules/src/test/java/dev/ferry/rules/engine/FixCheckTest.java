package dev.ferry.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** lint --fix writes only what loads back to the same documents. */
class FixCheckTest {
  static final String MULTI = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n---\n"
      + "services:\n  db:\n    image: postgres:16\n    ports:\n      - 5432:5432\n";

  @Test
  void movingAServiceIntoAnotherDocumentIsNotTheSameModel() {
    String merged = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n  db:\n    image: postgres:16\n"
        + "    ports:\n      - 5432:5432\n---\nservices:\n";
    assertFalse(FixCheck.sameModel(MULTI, merged));
    assertFalse(FixCheck.sameModel(MULTI, MULTI.substring(0, MULTI.indexOf("---"))));
  }

  @Test
  void theIntendedFixesAreTheSameModel() {
    assertTrue(FixCheck.sameModel("version: '3'\nservices:\n  b: {image: x}\n  a: {image: y, ports: [\"1:1\", \"2:2\"]}\n",
        "services:\n  a:\n    image: y\n    ports:\n      - \"2:2\"\n      - \"1:1\"\n  b:\n    image: x\n"));
  }

  @Test
  void brokenAnchorsAndMergeKeysAreNot() {
    String anchored = "x-base: &base\n  image: x\n  restart: always\nservices:\n  a:\n    <<: *base\n    ports: ['1:1']\n";
    assertTrue(FixCheck.sameModel(anchored, anchored.replace("['1:1']", "[\"1:1\"]")));
    assertFalse(FixCheck.sameModel(anchored, anchored.replace("    <<: *base\n", "")));
    assertFalse(FixCheck.sameModel(anchored, "services: [unclosed\n"), "a text that does not load proves nothing");
  }

  @Test
  void fixerLeavesAMultiDocumentFileLoadingAsBefore() {
    String fixed = Fixer.fixText("compose.yaml", MULTI, LintConfig.none());
    assertTrue(FixCheck.sameModel(MULTI, fixed), fixed);
    assertEquals(2, fixed.split("(?m)^---$").length, fixed);
  }
}
