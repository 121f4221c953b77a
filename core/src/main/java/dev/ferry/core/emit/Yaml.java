package dev.ferry.core.emit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The one YAML writer configuration ferry uses for every output: block style, minimal quotes
 * (a string any YAML 1.1 or 1.2 reader would take for something else is quoted: {@link PlainScalars}), no line splitting, literal blocks for multi-line strings, no document start marker.
 */
public final class Yaml {
  private static final YAMLMapper MAPPER = YAMLMapper.builder(
      YAMLFactory.builder().stringQuotingChecker(new PlainScalars()).build())
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private Yaml() {}

  public static YAMLMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as YAML: a Jackson tree through {@link BlockYaml} when it covers it, else through the mapper (same bytes). */
  public static String write(Object value) {
    if (value instanceof JsonNode n) {
      String fast = BlockYaml.write(n);
      if (fast != null) return fast;
    }
    return MAPPER.writeValueAsString(value);
  }
}
