package dev.ferry.rules.engine;

import dev.ferry.core.tree.Node;
import dev.ferry.core.tree.ScalarNode;
import dev.ferry.core.tree.SeqNode;
import dev.ferry.rules.api.RuleOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rule option's value from .ferry.yaml as its declared {@link dev.ferry.rules.api.OptionType}:
 * a boolean is {@code true} or {@code false}, a string any scalar (one of the declared values when
 * there are some), a regular expression one that compiles, a list of strings a sequence of scalars.
 * Anything else is an error at the value's position.
 */
final class OptionReader {
  private OptionReader() {}

  /** The value, or null after reporting through {@code error} (position, message). */
  static Object read(String rule, RuleOption o, Node v, BiConsumer<Node, String> error) {
    String what = "rule " + rule + ": option " + o.name();
    switch (o.type()) {
      case BOOLEAN -> {
        if (v instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOL) return s.value();
      }
      case STRING -> {
        if (isText(v)) return oneOf(what, o, (ScalarNode) v, error);
      }
      case REGEX -> {
        if (isText(v)) return regex(what, (ScalarNode) v, error);
      }
      case STRING_LIST -> {
        if (v instanceof SeqNode q) return list(what, q, error);
      }
    }
    error.accept(v, what + " must be a " + o.type().label() + ", got " + article(v.typeName()));
    return null;
  }

  private static boolean isText(Node v) {
    return v instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL;
  }

  private static String oneOf(String what, RuleOption o, ScalarNode s, BiConsumer<Node, String> error) {
    List<String> allowed = Arrays.asList(o.values());
    if (allowed.isEmpty() || allowed.contains(s.text())) return s.text();
    error.accept(s, what + ": '" + s.text() + "' is not one of " + String.join(", ", allowed) + DidYouMean.hint(s.text(), allowed));
    return null;
  }

  private static String regex(String what, ScalarNode s, BiConsumer<Node, String> error) {
    try {
      Pattern.compile(s.text());
      return s.text();
    } catch (PatternSyntaxException e) {
      error.accept(s, what + ": invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  private static List<String> list(String what, SeqNode q, BiConsumer<Node, String> error) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      Node item = q.get(i);
      if (isText(item)) {
        out.add(((ScalarNode) item).text());
      } else {
        error.accept(item, what + "[" + i + "] must be a string, got " + article(item.typeName()));
        return null;
      }
    }
    return List.copyOf(out);
  }

  static String article(String typeName) {
    return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
  }
}
