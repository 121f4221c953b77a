package dev.ferry.rules.report;

import dev.ferry.rules.api.Finding;
import dev.ferry.core.concurrent.OnEveryCore;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON report whose one long array (a node per finding) is written on every core: the document
 * is written with a placeholder in the array, each slice of findings as an array of its own, and
 * the slices' items go where the placeholder was, re-indented to its depth. The bytes are those
 * of writing the whole tree at once: Jackson's pretty printer separates array items with
 * {@code ", "} on one line and indents object fields by two spaces per level; strings carry no
 * raw line breaks (they are escaped), so a line break is always indentation.
 */
final class JsonSlices {
  private static final String PLACEHOLDER = "\u0000ferry-findings\u0000";

  private JsonSlices() {}

  /** Adds the placeholder to {@code array} when there are findings (an empty array stays as it is written). */
  static void reserve(ArrayNode array, List<Finding> findings) {
    if (!findings.isEmpty()) array.add(PLACEHOLDER);
  }

  /** {@code root} written to {@code out}, with one {@code node(finding)} per finding in the array {@link #reserve} marked. */
  static void write(ObjectNode root, List<Finding> findings, Function<Finding, ObjectNode> node, Consumer<String> out) {
    String doc = JsonFormat.JSON.writeValueAsString(root);
    if (findings.isEmpty()) {
      out.accept(doc);
      return;
    }
    String token = JsonFormat.JSON.writeValueAsString(JsonFormat.JSON.getNodeFactory().textNode(PLACEHOLDER));
    int at = doc.indexOf(token);
    if (at < 0 || doc.indexOf(token, at + 1) >= 0) throw new IllegalStateException("report placeholder not found once");
    int lineStart = doc.lastIndexOf('\n', at) + 1;
    int indent = 0;
    while (doc.charAt(lineStart + indent) == ' ') indent++;
    String newline = "\n" + " ".repeat(indent);
    out.accept(doc.substring(0, at));
    boolean[] first = {true};
    OnEveryCore.forEachInOrder(OnEveryCore.slices(findings, Format.SLICE), slice -> {
      ArrayNode items = JsonFormat.JSON.createArrayNode();
      for (Finding f : slice) items.add(node.apply(f));
      String written = JsonFormat.JSON.writeValueAsString(items); // "[ {...}, {...} ]"
      return written.substring(2, written.length() - 2).replace("\n", newline);
    }, part -> {
      out.accept(first[0] ? part : ", " + part);
      first[0] = false;
    });
    out.accept(doc.substring(at + token.length()));
  }
}
