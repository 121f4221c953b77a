package dev.ferry.core.load.stage;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML schema Parse reads with: the YAML 1.2 core schema, except that {@code <<} stays a plain
 * string key. Merge keys are resolved by {@link TreeBuilder} (which counts the nodes they copy and
 * reports cycles at the {@code <<}), not by snakeyaml-engine's composer, which loops forever on
 * {@code x-a: &a {<<: *a}}.
 */
final class YamlSchema {
  private YamlSchema() {}

  /**
   * The first characters for which snakeyaml-engine's core resolver has a pattern (booleans,
   * numbers, {@code ${...}}, {@code <<}), and those its patterns tried for every value can start
   * with (null: {@code ~}, {@code null}, a space); any other non-empty plain scalar resolves to a
   * string, answered without running its regular expressions (most scalars of a file).
   * ScalarResolverTest checks the answers against snakeyaml-engine's own.
   */
  static final String RESOLVED_FIRST = FirstChars.of() + "~ nN";

  /**
   * Every character the core resolver's patterns other than {@code ${...}} can match (numbers,
   * {@code .inf}, {@code .nan}, booleans, null): a plain scalar not starting with {@code $} that
   * holds any other character is a string too (most of those starting with a digit, like
   * {@code 10s}, {@code 8080:80} or {@code 1.0.0-rc}). ScalarResolverTest checks it as well.
   */
  private static final boolean[] IN_PATTERNS = new boolean[128];

  static {
    for (char c : ("0123456789+-.xoabcdefABCDEF~ infInfINFnanNaNNAN"
        + "trueTrueTRUEfalseFalseFALSEnullNullNULL").toCharArray()) {
      IN_PATTERNS[c] = true;
    }
  }

  /** Whether the core resolver answers "string" for the non-empty plain scalar {@code value} whatever its patterns. */
  private static boolean surelyString(String value) {
    char first = value.charAt(0);
    if (RESOLVED_FIRST.indexOf(first) < 0) return true;
    if (first == '$') return false;
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 128 || !IN_PATTERNS[c]) return true;
    }
    return false;
  }

  static final Schema NO_MERGE = new Schema() {
    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver coreResolver = core.getScalarResolver(); // a new one on every call
    private final ScalarResolver resolver = (value, implicit) -> {
      if (Boolean.TRUE.equals(implicit) && ("<<".equals(value) || !value.isEmpty() && surelyString(value))) {
        return Tag.STR;
      }
      return coreResolver.resolve(value, implicit);
    };

    @Override
    public ScalarResolver getScalarResolver() {
      return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
      return core.getSchemaTagConstructors();
    }
  };

  /** The scalar resolver parsing uses (for the test that it agrees with snakeyaml-engine's). */
  static ScalarResolver resolver() {
    return NO_MERGE.getScalarResolver();
  }

  /** Reads the first characters snakeyaml-engine's core resolver registers patterns for. */
  private static final class FirstChars extends CoreScalarResolver {
    private FirstChars() {
      super(true);
    }

    static String of() {
      StringBuilder b = new StringBuilder();
      for (Character c : new FirstChars().yamlImplicitResolvers.keySet()) if (c != null) b.append(c.charValue());
      return b.toString();
    }
  }
}
