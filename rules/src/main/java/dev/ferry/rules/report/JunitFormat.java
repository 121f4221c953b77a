package dev.ferry.rules.report;

import dev.ferry.rules.api.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite per file,
 * one failing test case per finding.
 */
final class JunitFormat {
  private JunitFormat() {}

  static String render(Report r) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : r.findings()) byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"ferry lint\" tests=\"").append(Math.max(1, r.findings().size()))
        .append("\" failures=\"").append(r.findings().size()).append("\">\n");
    if (byFile.isEmpty()) {
      b.append("  <testsuite name=\"ferry lint\" tests=\"1\" failures=\"0\">\n")
          .append("    <testcase classname=\"ferry lint\" name=\"no findings\"/>\n  </testsuite>\n");
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      b.append("  <testsuite name=\"").append(x(e.getKey())).append("\" tests=\"").append(e.getValue().size())
          .append("\" failures=\"").append(e.getValue().size()).append("\">\n");
      for (Finding f : e.getValue()) {
        b.append("    <testcase classname=\"").append(x(f.file())).append("\" name=\"").append(x(f.rule() + " at "
            + f.position())).append("\">\n");
        b.append("      <failure type=\"").append(f.severity().label()).append("\" message=\"").append(x(f.message()))
            .append("\">").append(x(f.position() + ": " + f.severity().label() + " [" + f.rule() + "] " + f.message()
                + (f.remediation() == null ? "" : "\n" + f.remediation())))
            .append("</failure>\n    </testcase>\n");
      }
      b.append("  </testsuite>\n");
    }
    return b.append("</testsuites>\n").toString();
  }

  static String x(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        default -> {
          if (c < 0x20 && c != '\t') b.append(' ');
          else b.append(c);
        }
      }
    }
    return b.toString();
  }
}
