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

  @Test
  void aByteOrderMarkStaysWhenTheFirstLineGoes() {
    // the obsolete version: line removed from a file that starts with a BOM kept no BOM
    assertEquals("\uFEFFservices:\n  web:\n    image: nginx:1.27\n",
        Fixer.fixText("compose.yaml", "\uFEFFversion: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n", LintConfig.none()));
  }

  @Test
  void aFileOverThreeMebibytesCanBeProved() {
    // snakeyaml-engine refuses more than 3 MiB by default; the loader reads files up to its own limit
    StringBuilder b = new StringBuilder("version: '3'\nservices:\n  app:\n    image: x\n    environment:\n");
    for (int n = 0; b.length() <= 3 * 1024 * 1024 + 1; n++) b.append("      KEY_").append(n).append(": value value value value\n");
    String big = b.toString();
    assertTrue(FixCheck.sameModel(big, big.replace("version: '3'\n", "")));
    assertFalse(FixCheck.sameModel(big, big.replace("KEY_7: ", "KEY_7x: ")));
  }

  @Test
  void aMergeKeyInEachOfManyServicesCanBeProved() {
    // more aliases of one mapping than snakeyaml-engine's defaults allow (50), or the 1,000 this check once set
    StringBuilder b = new StringBuilder("version: '3'\nx-common: &common\n  restart: always\nservices:\n");
    for (int i = 0; i < 1100; i++) b.append("  s").append(i).append(":\n    <<: *common\n    image: app\n");
    String many = b.toString();
    assertTrue(FixCheck.sameModel(many, many.replace("version: '3'\n", "")));
    assertFalse(FixCheck.sameModel(many, many.replace("  restart: always", "  restart: never")));
  }
}
