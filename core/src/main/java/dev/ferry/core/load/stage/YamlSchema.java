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

  static final Schema NO_MERGE = new Schema() {
    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver coreResolver = core.getScalarResolver(); // a new one on every call
    private final ScalarResolver resolver = (value, implicit) -> {
      if (Boolean.TRUE.equals(implicit) && ("<<".equals(value)
          || !value.isEmpty() && RESOLVED_FIRST.indexOf(value.charAt(0)) < 0)) {
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
