package dev.ferry.rules.report;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Finding;
import dev.ferry.rules.api.Rule;
import dev.ferry.rules.api.RuleInfo;
import dev.ferry.rules.engine.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule as a reporting descriptor (summary,
 * remediation as help, help URI, default level, category tag), results with the rule index and a
 * physical location relative to the working directory ({@code %SRCROOT%}).
 */
final class SarifFormat {
  private SarifFormat() {}

  static void write(Report r, String version, Consumer<String> out) {
    ObjectNode root = JsonFormat.JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ferry");
    driver.put("semanticVersion", version);
    driver.put("informationUri", "https://github.com/ferry-dev/ferry");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    List<Rule> all = RuleRegistry.sorted();
    for (Rule rule : all) {
      RuleInfo i = rule.info();
      index.put(i.id(), index.size());
      ObjectNode d = rules.addObject();
      d.put("id", i.id());
      d.put("name", camel(i.id()));
      d.putObject("shortDescription").put("text", i.summary());
      d.putObject("fullDescription").put("text", i.summary() + " " + i.remediation());
      ObjectNode help = d.putObject("help");
      help.put("text", i.remediation());
      help.put("markdown", i.remediation() + "\n\nSee [" + i.id() + "](" + Report.helpUri(i.id()) + ").");
      d.put("helpUri", Report.helpUri(i.id()));
      d.putObject("defaultConfiguration").put("level", level(i.severity()));
      ObjectNode props = d.putObject("properties");
      props.putArray("tags").add(i.category().label()).add("compose").add("kubernetes");
    }
    JsonSlices.reserve(run.putArray("results"), r.findings());
    run.put("columnKind", "unicodeCodePoints");
    JsonSlices.write(root, r.findings(), f -> result(f, index), out);
    out.accept("\n");
  }

  private static ObjectNode result(Finding f, Map<String, Integer> index) {
    ObjectNode o = JsonFormat.JSON.createObjectNode();
    o.put("ruleId", f.rule());
    Integer idx = index.get(f.rule());
    if (idx != null) o.put("ruleIndex", idx);
    o.put("level", level(f.severity()));
    o.putObject("message").put("text", f.message());
    ObjectNode loc = o.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode art = loc.putObject("artifactLocation");
    art.put("uri", uri(f.file()));
    art.put("uriBaseId", "%SRCROOT%");
    ObjectNode region = loc.putObject("region");
    region.put("startLine", f.line());
    region.put("startColumn", f.column());
    o.putObject("partialFingerprints").put("ferryFinding/v1",
        Integer.toHexString((f.rule() + "|" + f.file() + "|" + f.message()).hashCode()));
    return o;
  }

  /**
   * A file's name as a relative URI reference (RFC 3986), as SARIF's {@code artifactLocation.uri}
   * must be: each byte of its UTF-8 form other than an unreserved character or '/' percent-encoded
   * ({@code my proj/données/a:b.yaml} -> {@code my%20proj/donn%C3%A9es/a%3Ab.yaml}; a raw space made
   * the log invalid, and a ':' in the first segment would read as a scheme). Backslashes become '/'.
   */
  static String uri(String file) {
    StringBuilder b = new StringBuilder(file.length() + 8);
    for (byte x : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
    }
    return b.toString();
  }

  private static final String HEX = "0123456789ABCDEF";

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String camel(String id) {
    StringBuilder b = new StringBuilder();
    for (String p : id.split("-")) b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
    return b.toString();
  }
}
