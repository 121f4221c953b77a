package dev.ferry.rules.report;

import dev.ferry.core.diag.Severity;
import dev.ferry.rules.api.Finding;
import java.util.function.Consumer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code {"findings":[...],"summary":{...}}}: one object per finding, fields in a fixed order. */
final class JsonFormat {
  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonFormat() {}

  static void write(Report r, Consumer<String> out) {
    ObjectNode root = JSON.createObjectNode();
    JsonSlices.reserve(root.putArray("findings"), r.findings());
    ObjectNode s = root.putObject("summary");
    s.put("findings", r.findings().size());
    long[] counts = r.counts();
    s.put("errors", counts[Severity.ERROR.ordinal()]);
    s.put("warnings", counts[Severity.WARNING.ordinal()]);
    s.put("info", counts[Severity.INFO.ordinal()]);
    s.put("projects", r.files());
    JsonSlices.write(root, r.findings(), JsonFormat::node, out);
    out.accept("\n");
  }

  private static ObjectNode node(Finding f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("rule", f.rule());
    o.put("severity", f.severity().label());
    o.put("message", f.message());
    o.put("file", f.file());
    o.put("line", f.line());
    o.put("column", f.column());
    if (f.service() == null) o.putNull("service");
    else o.put("service", f.service());
    if (f.remediation() == null) o.putNull("remediation");
    else o.put("remediation", f.remediation());
    return o;
  }
}
