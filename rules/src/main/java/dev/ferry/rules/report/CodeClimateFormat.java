package dev.ferry.rules.report;

import dev.ferry.rules.api.Category;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.engine.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Code Climate issues as GitLab's Code Quality report reads them (a JSON array; GitLab shows them
 * in merge requests): description, check_name, fingerprint, severity and location.path/lines.begin.
 * The fingerprint hashes rule, file, message and the finding's rank among identical ones, not the
 * line, so an unrelated edit above a finding does not make GitLab see it as new.
 */
final class CodeClimateFormat {
  private CodeClimateFormat() {}

  static String render(Report r) {
    ArrayNode out = JsonFormat.JSON.createArrayNode();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : r.findings()) {
      String base = f.rule() + "\0" + f.file() + "\0" + f.message();
      int rank = seen.merge(base, 1, Integer::sum);
      ObjectNode o = out.addObject();
      o.put("type", "issue");
      o.put("check_name", "ferry/" + f.rule());
      o.put("description", "[" + f.rule() + "] " + f.message());
      o.putArray("categories").add(category(f));
      o.put("severity", switch (f.severity()) {
        case ERROR -> "major";
        case WARNING -> "minor";
        case INFO -> "info";
      });
      o.put("fingerprint", sha256(base + "\0" + rank));
      ObjectNode loc = o.putObject("location");
      loc.put("path", f.file());
      loc.putObject("lines").put("begin", f.line());
    }
    return JsonFormat.JSON.writeValueAsString(out) + "\n";
  }

  /** The rule's category as one of Code Climate's. */
  private static String category(Finding f) {
    Category c = RuleRegistry.byId(f.rule()).map(r -> r.info().category()).orElse(Category.SCHEMA);
    return switch (c) {
      case SECURITY -> "Security";
      case HYGIENE -> "Style";
      case MIGRATION, PORTABILITY -> "Compatibility";
      case SCHEMA -> "Bug Risk";
    };
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
